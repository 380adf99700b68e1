package dev.rdpdoctor.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Everything a diagnosis concludes, as text, independent of the order rules fired in. */
final class Conclusions {

  private Conclusions() {}

  /** Everything a diagnosis concludes, independent of firing order. */
  static String of(Diagnosis d) {
    StringBuilder out = new StringBuilder();
    for (List<CauseAssessment> list : List.of(d.ranked(), d.ruledOut())) {
      for (CauseAssessment a : list) {
        out.append(a.cause().id()).append(' ').append(a.cf()).append(' ').append(a.supporting()).append(' ')
            .append(a.opposing()).append(' ');
        a.evidence().forEach(e -> out.append(e.rule().id()).append('x').append(e.firings().size()).append(','));
        out.append('\n');
      }
      out.append("--\n");
    }
    Map<String, Integer> firings = new TreeMap<>();
    for (Firing f : d.firings()) {
      List<String> premises = new ArrayList<>();
      f.premises().forEach(p -> premises.add(d.firing(p).rule().id()));
      firings.merge(f.rule().id() + " " + f.facts() + " " + f.findings() + " " + premises.stream().sorted().toList(), 1, Integer::sum);
    }
    firings.forEach((k, v) -> out.append(v).append(" x ").append(k).append('\n'));
    return out.toString();
  }
}
