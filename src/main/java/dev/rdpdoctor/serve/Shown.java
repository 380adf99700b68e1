package dev.rdpdoctor.serve;

import dev.rdpdoctor.knowledge.Fix;
import dev.rdpdoctor.knowledge.Restart;
import dev.rdpdoctor.report.Outline;
import dev.rdpdoctor.yaml.Spelled;
import java.util.Locale;

/** How the pages word a few values, as the text report does: a CF, a fix's risk and what it restarts. */
public final class Shown {

  private Shown() {}

  public static String cf(double cf) {
    return String.format(Locale.ROOT, "%.2f", cf);
  }

  /** A CF as a meter's value, 0 to 100. */
  public static long percent(double cf) {
    return Math.round(Math.max(0, Math.min(1, Math.abs(cf))) * 100);
  }

  public static String risk(Fix f) {
    return Spelled.spelling(f.risk()) + (f.isTestOnly() ? ", test only" : "");
  }

  public static String riskClass(Fix f) {
    return "badge risk-" + Spelled.spelling(f.risk());
  }

  public static String restart(Fix f) {
    return switch (f.restart()) {
      case NONE -> "";
      case CLIENT -> "restarts the client";
      case SERVICE -> "restarts a service";
      case REBOOT -> "needs a reboot";
    };
  }

  public static boolean restarts(Fix f) {
    return f.restart() != Restart.NONE;
  }

  /** A code of the dialog as the report shows it: {@code 0x904 (2308)}, and its meaning. */
  public static String code(Outline.Code code) {
    if (code.value() == null) {
      return "not stated";
    }
    return String.format(Locale.ROOT, "0x%x (%d)", code.value(), code.value()) + code.meaning().map(m -> ": " + m).orElse("");
  }

  public static String share(double share) {
    return String.format(Locale.ROOT, "%.0f%%", share * 100);
  }

  /** A path in parts that end at each slash ({@code rules/}, {@code certificate/}, {@code expired.drl}): where a line may break. */
  public static java.util.List<String> pathParts(String path) {
    java.util.List<String> parts = new java.util.ArrayList<>();
    int start = 0;
    for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', start)) {
      parts.add(path.substring(start, slash + 1));
      start = slash + 1;
    }
    parts.add(path.substring(start));
    return parts;
  }
}
