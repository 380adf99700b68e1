package dev.rdpdoctor.probe;

import java.util.List;

/**
 * What the probe saw on the wire, kept raw; written under {@code probe:}. What it proves about
 * the host is written where the rules read it ({@link ProbeConclusions}).
 */
record Probe(
    String target,
    ProbeDns dns,
    ProbeTcp tcp,
    List<ProbeNegotiation> negotiation,
    ProbeTls tls,
    ProbeGateway gateway) {

  Probe {
    negotiation = negotiation == null ? null : List.copyOf(negotiation);
  }
}
