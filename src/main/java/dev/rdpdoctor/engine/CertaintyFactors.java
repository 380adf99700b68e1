package dev.rdpdoctor.engine;

import java.util.Collection;

/**
 * MYCIN's combination of certainty factors, independent of the order evidence arrives in:
 * all positives ({@code x + y - xy}), all negatives ({@code x + y + xy}), then the two
 * ({@code (p + n) / (1 - min(|p|, |n|))}).
 */
public final class CertaintyFactors {

  private CertaintyFactors() {}

  public record Combined(double positive, double negative, double cf) {}

  public static Combined combine(Collection<Double> cfs) {
    double p = 0;
    double n = 0;
    for (double cf : cfs) {
      if (cf > 0) {
        p = p + cf - p * cf;
      } else if (cf < 0) {
        n = n + cf + n * cf;
      }
    }
    double denominator = 1 - Math.min(Math.abs(p), Math.abs(n));
    double cf = denominator == 0 ? 0 : (p + n) / denominator;
    return new Combined(p, n, cf);
  }
}
