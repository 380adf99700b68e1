package dev.rdpdoctor.report;

import dev.rdpdoctor.knowledge.Cost;
import dev.rdpdoctor.knowledge.Question;
import java.util.List;

/**
 * A check that would best separate the leading causes, for when the evidence is thin.
 *
 * @param separates the causes its answer would move most
 */
public record NextCheck(String ask, String how, Cost cost, List<String> separates) {

  public NextCheck {
    separates = List.copyOf(separates);
  }

  /** The check that asks {@code question}, separating {@code separates}. */
  public static NextCheck of(Question question, List<String> separates) {
    return new NextCheck(question.ask(), question.how(), question.cost(), separates);
  }
}
