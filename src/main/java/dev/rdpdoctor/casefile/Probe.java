package dev.rdpdoctor.casefile;

import java.util.List;

/**
 * What the probe saw on the wire, kept raw: {@code probe:}. The interpreted facts (certificate
 * expired, NLA required, ...) go in the sections the rules read.
 */
public record Probe(
    String target,
    ProbeDns dns,
    ProbeTcp tcp,
    List<ProbeNegotiation> negotiation,
    ProbeTls tls,
    ProbeGateway gateway) {

  public Probe {
    negotiation = negotiation == null ? null : List.copyOf(negotiation);
  }

  Probe withTls(ProbeTls seen) {
    return new Probe(target, dns, tcp, negotiation, seen, gateway);
  }

  Probe withGateway(ProbeGateway seen) {
    return new Probe(target, dns, tcp, negotiation, tls, seen);
  }
}
