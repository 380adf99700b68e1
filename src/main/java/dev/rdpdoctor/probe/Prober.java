package dev.rdpdoctor.probe;

import dev.rdpdoctor.casefile.ProbedFacts;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * Probes a live host from the client side, without credentials and without changing anything,
 * and returns what it found as a symptom file. Each host gets the settings' time budget.
 */
public final class Prober {

  private final ProbeSettings settings;
  private final Progress progress;
  private final Clock clock;

  public Prober(ProbeSettings settings, Progress progress, Clock clock) {
    this.settings = settings;
    this.progress = progress;
    this.clock = clock;
  }

  public ProbedFacts probe(Target target, Optional<Target> gateway) {
    long start = System.nanoTime();
    progress.say("probing " + target + " (at most " + seconds(settings.budget().toNanos()) + " s)");
    Probe raw = new RdpPortProbe(settings, progress).run(target);
    if (gateway.isPresent()) {
      progress.say("probing the RD Gateway " + gateway.get());
      ProbeGateway seen = new GatewayProbe(settings, progress).run(gateway.get());
      raw = new Probe(raw.target(), raw.dns(), raw.tcp(), raw.negotiation(), raw.tls(), seen);
    }
    progress.say("done in " + seconds(System.nanoTime() - start) + " s");
    return ProbeConclusions.conclude(target, raw, LocalDate.now(clock));
  }

  private static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.1f", nanos / 1e9);
  }
}
