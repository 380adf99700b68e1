package dev.rdpdoctor.probe;

import java.time.Duration;

/**
 * How long the probe may take and how many connects it makes.
 *
 * @param budget the whole probe of one host (the gateway gets its own)
 * @param tcpAttempts plain connects before the negotiation requests, for the loss estimate
 * @param spacing the pause between connections, so the probe does not look like a flood
 */
public record ProbeSettings(Duration budget, int tcpAttempts, Duration spacing) {

  public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(8);
  private static final Duration STEP = Duration.ofSeconds(2);
  private static final Duration TLS_STEP = Duration.ofSeconds(3);

  public ProbeSettings {
    if (budget.isNegative() || budget.isZero()) {
      throw new IllegalArgumentException("the time budget must be positive");
    }
    if (tcpAttempts < 1) {
      throw new IllegalArgumentException("at least one TCP attempt");
    }
  }

  public static ProbeSettings defaults() {
    return withBudget(DEFAULT_BUDGET);
  }

  public static ProbeSettings withBudget(Duration budget) {
    return new ProbeSettings(budget, 4, Duration.ofMillis(50));
  }

  /** The longest one connect or one read may wait: 2 s, or a quarter of a larger budget. */
  Duration step() {
    Duration quarter = budget.dividedBy(4);
    return quarter.compareTo(STEP) > 0 ? quarter : STEP;
  }

  /** The longest a TLS handshake may take. */
  Duration tlsStep() {
    Duration step = step();
    return step.compareTo(TLS_STEP) > 0 ? step : TLS_STEP;
  }
}
