package dev.rdpdoctor.ruletools.evaluation;

/**
 * {@code k} of {@code n}, with its 95 % Wilson score interval: on a few dozen tickets a share
 * of 90 % could as well be 80 % or 95 %, and the interval says so (it stays inside 0..1 and is
 * not zero-width at 0 or n, unlike the normal approximation).
 */
public record Share(int k, int n) {

  /** The normal quantile of a two-sided 95 % interval. */
  static final double Z = 1.959964;

  public Share {
    if (n < 0 || k < 0 || k > n) {
      throw new IllegalArgumentException("a share is k of n with 0 <= k <= n, got " + k + " of " + n);
    }
  }

  /** k / n; 0 when n is 0. */
  public double value() {
    return n == 0 ? 0 : (double) k / n;
  }

  /** The interval's lower end; exactly 0 when k is 0 (and when n is 0). */
  public double low() {
    return k == 0 ? 0 : Math.max(0, centre() - halfWidth());
  }

  /** The interval's upper end; exactly 1 when k is n (and when n is 0). */
  public double high() {
    return k == n ? 1 : Math.min(1, centre() + halfWidth());
  }

  private double centre() {
    double p = value();
    double z2 = Z * Z;
    return (p + z2 / (2 * n)) / (1 + z2 / n);
  }

  private double halfWidth() {
    double p = value();
    double z2 = Z * Z;
    return Z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
  }
}
