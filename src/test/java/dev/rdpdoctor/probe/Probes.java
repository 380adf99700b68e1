package dev.rdpdoctor.probe;

import dev.rdpdoctor.casefile.Probe;
import dev.rdpdoctor.casefile.ProbeNegotiation;
import dev.rdpdoctor.casefile.RdpProtocol;
import java.time.Duration;

/** Runs the probe the way the tests need it: quick, quiet, with the default step timeouts. */
final class Probes {

  static final ProbeSettings QUICK = new ProbeSettings(Duration.ofSeconds(6), 2, Duration.ZERO);

  private Probes() {}

  static Probe rdp(Target target) {
    return new RdpPortProbe(QUICK, Progress.silent()).run(target);
  }

  static ProbeNegotiation answer(Probe probe, RdpProtocol requested) {
    return probe.negotiation().stream().filter(n -> n.requested() == requested).findFirst()
        .orElseThrow(() -> new AssertionError("no answer recorded for " + requested + ": " + probe.negotiation()));
  }
}
