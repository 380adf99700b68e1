package dev.rdpdoctor.ruletools.evaluation;

/**
 * The certainty factor the outcomes support for one rule, never applied by the tool: the team
 * reads it and decides.
 *
 * <p>The estimator. For a rule about cause {@code c}, fired on {@code n} resolved tickets, of
 * which {@code k} had {@code c} as their confirmed cause:
 * <ol>
 *   <li>{@code b}, how common {@code c} is among the tickets, Laplace-smoothed over the
 *       knowledge base's causes so that it is never 0 or 1: {@code b = (tickets of c + 1) / (tickets + causes)}.
 *   <li>The rule's current weight {@code w} as a precision: MYCIN's definition of a certainty
 *       factor (Shortliffe and Buchanan, 1975) read backwards, {@code w = (p - b) / (1 - b)} for
 *       {@code w >= 0} and {@code w = (p - b) / b} for {@code w < 0}, so {@code p_w = b + w (1 - b)}
 *       or {@code p_w = b (1 + w)}.
 *   <li>A Beta prior with mean {@code p_w} worth {@value #PRIOR_TICKETS} tickets, updated by the
 *       {@code k} of {@code n}: {@code p = (k + m p_w) / (n + m)}, {@code m = }{@value #PRIOR_TICKETS}.
 *       With no ticket it gives back the current weight; each ticket pulls it towards what was
 *       seen, and after a few dozen the data decide.
 *   <li>{@code p} mapped back to a certainty factor by the same definition: {@code (p - b) / (1 - b)}
 *       when {@code p >= b}, else {@code (p - b) / b}, rounded to two decimals.
 * </ol>
 * A rule whose cause is rarely the confirmed one where it fires falls towards 0, and below 0
 * when it fires on its cause less often than the cause occurs at all; a rule always right rises.
 */
public final class WeightEstimate {

  /** How many tickets the current, hand-set weight is worth. */
  public static final int PRIOR_TICKETS = 4;

  private WeightEstimate() {}

  /** {@code b}: how common a cause is among the tickets, smoothed. */
  public static double baseRate(int ticketsOfCause, int tickets, int causes) {
    return (ticketsOfCause + 1.0) / (tickets + causes);
  }

  /**
   * @param current the rule's certainty factor now, in [-1, 1]
   * @param n the tickets it fired on
   * @param k those whose confirmed cause is the rule's cause
   * @param base {@code b}, from {@link #baseRate}, strictly between 0 and 1
   */
  public static double suggest(double current, int n, int k, double base) {
    if (!(base > 0 && base < 1)) {
      throw new IllegalArgumentException("a base rate strictly between 0 and 1, got " + base);
    }
    double prior = current >= 0 ? base + current * (1 - base) : base * (1 + current);
    double p = (k + PRIOR_TICKETS * prior) / (n + PRIOR_TICKETS);
    double cf = p >= base ? (p - base) / (1 - base) : (p - base) / base;
    return Math.round(cf * 100) / 100.0;
  }
}
