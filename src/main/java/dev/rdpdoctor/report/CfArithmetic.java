package dev.rdpdoctor.report;

import dev.rdpdoctor.engine.CauseAssessment;
import dev.rdpdoctor.engine.CertaintyFactors;
import dev.rdpdoctor.engine.Evidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Spells out how a cause's CF was combined, step by step, so a reader can check it. */
final class CfArithmetic {

  private CfArithmetic() {}

  static String explain(CauseAssessment a) {
    List<Double> pos = a.evidence().stream().map(Evidence::cf).filter(cf -> cf > 0).toList();
    List<Double> neg = a.evidence().stream().map(Evidence::cf).filter(cf -> cf < 0).toList();
    StringBuilder out = new StringBuilder();
    out.append("for: ").append(chain(pos)).append("; against: ").append(chain(neg));
    if (!pos.isEmpty() && !neg.isEmpty()) {
      out.append("; combined: (").append(cf(a.supporting())).append(" + ").append(cf(a.opposing()))
          .append(") / (1 - min(").append(cf(Math.abs(a.supporting()))).append(", ")
          .append(cf(Math.abs(a.opposing()))).append("))");
    }
    out.append(" = ").append(cf(a.cf()));
    return out.toString();
  }

  private static String chain(List<Double> cfs) {
    if (cfs.isEmpty()) {
      return "none";
    }
    StringBuilder out = new StringBuilder(cf(cfs.get(0)));
    List<Double> seen = new ArrayList<>(List.of(cfs.get(0)));
    for (int i = 1; i < cfs.size(); i++) {
      seen.add(cfs.get(i));
      double combined = CertaintyFactors.combine(seen).cf();
      out.append(" (+) ").append(cf(cfs.get(i))).append(" = ").append(cf(combined));
    }
    return out.toString();
  }

  static String cf(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }
}
