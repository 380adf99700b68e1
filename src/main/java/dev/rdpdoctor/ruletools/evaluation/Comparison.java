package dev.rdpdoctor.ruletools.evaluation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Two knowledge bases on the same tickets, ticket by ticket: what an edit does before it is
 * merged. {@code before} is the knowledge base named by {@code --compare}, {@code after} the one
 * evaluated ({@code --rules}).
 *
 * @param changed the tickets whose confirmed cause ranks elsewhere, in the order given
 * @param onlyBefore tickets measured only with the compared knowledge base (one of them could not read it)
 * @param onlyAfter tickets measured only with the evaluated knowledge base
 */
public record Comparison(Evaluation before, Evaluation after, List<Change> changed, List<Path> onlyBefore, List<Path> onlyAfter) {

  public Comparison {
    changed = List.copyOf(changed);
    onlyBefore = List.copyOf(onlyBefore);
    onlyAfter = List.copyOf(onlyAfter);
  }

  /** One ticket whose confirmed cause ranks elsewhere; a rank is empty when the cause was not ranked. */
  public record Change(Path file, String confirmed, Optional<Integer> rankBefore, Optional<Integer> rankAfter,
      Optional<String> topBefore, Optional<String> topAfter) {

    /** Whether the confirmed cause moved up (or into the ranking). */
    public boolean better() {
      return rankAfter.isPresent() && (rankBefore.isEmpty() || rankAfter.get() < rankBefore.get());
    }
  }

  public static Comparison of(Evaluation before, Evaluation after) {
    Map<Path, Evaluation.Ticket> old = new LinkedHashMap<>();
    before.tickets().forEach(t -> old.put(t.file(), t));
    List<Change> changed = new ArrayList<>();
    List<Path> onlyAfter = new ArrayList<>();
    for (Evaluation.Ticket now : after.tickets()) {
      Evaluation.Ticket was = old.remove(now.file());
      if (was == null) {
        onlyAfter.add(now.file());
      } else if (!was.rank().equals(now.rank())) {
        changed.add(new Change(now.file(), now.confirmed(), was.rank(), now.rank(), was.top(), now.top()));
      }
    }
    return new Comparison(before, after, changed, List.copyOf(old.keySet()), onlyAfter);
  }
}
