package dev.rdpdoctor.cli;

import dev.rdpdoctor.casefile.ProbedFacts;
import dev.rdpdoctor.probe.ProbeSettings;
import dev.rdpdoctor.probe.Prober;
import dev.rdpdoctor.probe.Progress;
import dev.rdpdoctor.probe.Target;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --gateway} and {@code --timeout}: how {@code probe} and {@code diagnose --probe} probe. */
final class ProbeOptions {

  static final int GATEWAY_PORT = 443;

  /** The probe counts time in milliseconds: a budget under one is none. */
  static final double MIN_TIMEOUT = 0.001;
  static final double MAX_TIMEOUT = 600;

  @Option(names = "--gateway", paramLabel = "FQDN[:PORT]",
      description = "Also probe this RD Gateway: TLS with SNI on port 443, its certificate and name match, and whether it answers like an RD Gateway.")
  String gateway;

  @Option(names = "--timeout", paramLabel = "SECONDS",
      description = "Time budget per host probed, 0.001 to 600 (default: 8).")
  Double timeoutSeconds;

  /** True when either option was given. */
  boolean given() {
    return gateway != null || timeoutSeconds != null;
  }

  /**
   * Probes {@code target}, with progress lines on {@code progress}, once the options are found
   * usable (a usage error otherwise) and the rules' vocabulary declares what the probe writes
   * (invalid input otherwise).
   *
   * @param rules the vocabulary of the rules the probe's findings are for, read when needed
   */
  ProbedFacts probe(CommandLine cli, String target, PrintWriter progress, Supplier<RulesVocabulary> rules) {
    Target host = parse(cli, target, Target.RDP_PORT, "the host");
    Optional<Target> gatewayTarget = gateway == null ? Optional.empty()
        : Optional.of(parse(cli, gateway, GATEWAY_PORT, "--gateway"));
    ProbeSettings settings = settings(cli);
    rules.get().requireProbeContract();
    Prober prober = new Prober(settings, new Progress(progress), Clock.systemDefaultZone());
    return prober.probe(host, gatewayTarget);
  }

  private ProbeSettings settings(CommandLine cli) {
    if (timeoutSeconds == null) {
      return ProbeSettings.defaults();
    }
    if (!(timeoutSeconds >= MIN_TIMEOUT && timeoutSeconds <= MAX_TIMEOUT)) {
      throw new CommandLine.ParameterException(cli, "--timeout must be between " + MIN_TIMEOUT + " and "
          + (int) MAX_TIMEOUT + " seconds, got " + timeoutSeconds);
    }
    return ProbeSettings.withBudget(Duration.ofMillis(Math.round(timeoutSeconds * 1000)));
  }

  private static Target parse(CommandLine cli, String text, int defaultPort, String what) {
    try {
      return Target.parse(text, defaultPort);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cli, what + ": " + e.getMessage());
    }
  }
}
