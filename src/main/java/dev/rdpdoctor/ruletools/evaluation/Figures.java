package dev.rdpdoctor.ruletools.evaluation;

import java.util.Locale;
import java.util.Optional;

/** How the evaluation's numbers are written, the same in every format. */
final class Figures {

  private Figures() {}

  /** {@code 90 %}. */
  static String percent(double share) {
    return Math.round(share * 100) + " %";
  }

  /** {@code 54 / 60 (90 %, 80-95 %)}: the count, the share and its Wilson interval. */
  static String share(Share s) {
    return s.k() + " / " + s.n() + " (" + (s.n() == 0 ? "-" : percent(s.value()) + ", " + interval(s)) + ")";
  }

  /** {@code 80-95 %}. */
  static String interval(Share s) {
    return Math.round(s.low() * 100) + "-" + Math.round(s.high() * 100) + " %";
  }

  static String decimal(double d) {
    return String.format(Locale.ROOT, "%.2f", d);
  }

  /** A mean rank: {@code 1.3}. */
  static String rank(double d) {
    return String.format(Locale.ROOT, "%.1f", d);
  }

  /** A certainty factor with its sign: {@code +0.80}, {@code -0.60}. */
  static String cf(double d) {
    return String.format(Locale.ROOT, "%+.2f", d);
  }

  static String lift(Optional<Double> lift) {
    return lift.map(l -> String.format(Locale.ROOT, "%.1f", l)).orElse("-");
  }

  /** Where a cause ranked: {@code 3}, or {@code -} when it was not ranked. */
  static String rank(Optional<Integer> rank) {
    return rank.map(String::valueOf).orElse("-");
  }
}
