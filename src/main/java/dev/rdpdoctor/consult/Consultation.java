package dev.rdpdoctor.consult;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Where a consultation stands: the case so far, what was asked, and how to go back. */
public final class Consultation {

  /** One step: the question asked, the answers given ("unknown" included), the case before it. */
  public record Step(Askable question, List<String> answers, ObjectNode before) {}

  private ObjectNode tree;
  private final Deque<Step> steps = new ArrayDeque<>();

  public Consultation(ObjectNode start) {
    this.tree = start.deepCopy();
  }

  public ObjectNode tree() {
    return tree.deepCopy();
  }

  /** Questions asked so far, answered or not: they are not asked again. */
  public Set<String> asked() {
    Set<String> out = new HashSet<>();
    steps.forEach(s -> out.add(s.question().question().key()));
    return out;
  }

  public void answer(Askable q, List<String> labels) {
    steps.push(new Step(q, List.copyOf(labels), tree));
    tree = CaseTree.withAnswers(tree, q, labels);
  }

  public void unknown(Askable q) {
    steps.push(new Step(q, List.of("unknown"), tree));
  }

  /** Undoes the last answer; false when there is none. */
  public boolean back() {
    if (steps.isEmpty()) {
      return false;
    }
    tree = steps.pop().before();
    return true;
  }

  /** The answers in the order given. */
  public List<Step> steps() {
    List<Step> out = new ArrayList<>(steps);
    Collections.reverse(out);
    return out;
  }

  public int questionsAsked() {
    return steps.size();
  }
}
