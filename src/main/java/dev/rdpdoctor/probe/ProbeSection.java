package dev.rdpdoctor.probe;

/**
 * Writes the probe's raw findings, as seen, under {@code probe:}, and a certificate wherever one
 * is written ({@code certificate}, {@code probe.tls.certificate}, {@code probe.gateway.certificate}).
 */
final class ProbeSection {

  private ProbeSection() {}

  static void write(SymptomTree tree, Probe raw) {
    tree.section("probe");
    tree.put("probe.target", raw.target());
    if (raw.dns() != null) {
      tree.section("probe.dns");
      tree.put("probe.dns.name", raw.dns().name());
      tree.put("probe.dns.addresses", raw.dns().addresses());
      tree.put("probe.dns.error", raw.dns().error());
    }
    if (raw.tcp() != null) {
      ProbeTcp tcp = raw.tcp();
      tree.section("probe.tcp");
      tree.put("probe.tcp.port", tcp.port());
      tree.put("probe.tcp.outcome", tcp.outcome());
      tree.put("probe.tcp.connect_ms", tcp.connectMs());
      tree.put("probe.tcp.attempts", tcp.attempts());
      tree.put("probe.tcp.failures", tcp.failures());
      tree.put("probe.tcp.loss_percent", tcp.lossPercent());
      tree.put("probe.tcp.jitter_ms", tcp.jitterMs());
    }
    if (raw.negotiation() != null) {
      tree.list("probe.negotiation");
      for (int i = 0; i < raw.negotiation().size(); i++) {
        ProbeNegotiation n = raw.negotiation().get(i);
        String at = "probe.negotiation[" + i + "]";
        tree.section(at);
        tree.put(at + ".requested", n.requested());
        tree.put(at + ".result", n.result());
        tree.put(at + ".selected", n.selected());
        tree.put(at + ".failure", n.failure());
        tree.put(at + ".detail", n.detail());
      }
    }
    if (raw.tls() != null) {
      ProbeTls tls = raw.tls();
      tree.section("probe.tls");
      tree.put("probe.tls.version", tls.version());
      tree.put("probe.tls.cipher", tls.cipher());
      certificate(tree, "probe.tls.certificate", tls.certificate());
      tree.put("probe.tls.name_matches", tls.nameMatches());
      tree.put("probe.tls.error", tls.error());
    }
    if (raw.gateway() != null) {
      ProbeGateway g = raw.gateway();
      tree.section("probe.gateway");
      tree.put("probe.gateway.fqdn", g.fqdn());
      tree.put("probe.gateway.port", g.port());
      tree.put("probe.gateway.tls_version", g.tlsVersion());
      tree.put("probe.gateway.cipher", g.cipher());
      certificate(tree, "probe.gateway.certificate", g.certificate());
      tree.put("probe.gateway.name_matches", g.nameMatches());
      tree.put("probe.gateway.http_status", g.httpStatus());
      tree.put("probe.gateway.auth_schemes", g.authSchemes());
      tree.put("probe.gateway.rd_gateway", g.rdGateway());
      tree.put("probe.gateway.error", g.error());
    }
  }

  /** {@code c} at {@code at}; nothing when there is none. */
  static void certificate(SymptomTree tree, String at, Certificate c) {
    if (c == null) {
      return;
    }
    tree.section(at);
    tree.put(at + ".self_signed", c.selfSigned());
    tree.put(at + ".subject", c.subject());
    tree.put(at + ".issuer", c.issuer());
    tree.put(at + ".names", c.names());
    tree.put(at + ".not_before", c.notBefore());
    tree.put(at + ".not_after", c.notAfter());
    tree.put(at + ".thumbprint", c.thumbprint());
    tree.put(at + ".key_type", c.keyType());
    tree.put(at + ".key_bits", c.keyBits());
    tree.put(at + ".signature_algorithm", c.signatureAlgorithm());
  }
}
