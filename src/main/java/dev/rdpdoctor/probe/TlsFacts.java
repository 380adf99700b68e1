package dev.rdpdoctor.probe;

import dev.rdpdoctor.yaml.Excerpt;

/** Turns a handshake's outcome into the {@code probe.tls} fact. */
final class TlsFacts {

  private TlsFacts() {}

  static ProbeTls of(TlsOutcome outcome, String connectedTo) {
    Certificate certificate = outcome.chain().isEmpty() ? null : CertificateFacts.of(outcome.chain().get(0));
    Boolean nameMatches = certificate == null ? null : NameMatch.of(connectedTo, certificate.names());
    if (outcome instanceof TlsOutcome.Established e) {
      return new ProbeTls(e.version(), e.cipher(), certificate, nameMatches, null);
    }
    if (outcome instanceof TlsOutcome.LegacyOnly l) {
      return new ProbeTls(l.version(), l.cipher(), certificate, nameMatches,
          "the server speaks only " + l.version() + ": it refused TLS 1.2 and 1.3, which current clients require");
    }
    return new ProbeTls(null, null, certificate, nameMatches, ((TlsOutcome.Failed) outcome).error());
  }

  /** One line for the progress stream. */
  static String describe(ProbeTls tls) {
    StringBuilder text = new StringBuilder();
    if (tls.version() != null) {
      text.append(tls.version()).append(' ').append(tls.cipher());
    }
    if (tls.error() != null) {
      text.append(text.length() > 0 ? "; " : "").append(tls.error());
    }
    Certificate c = tls.certificate();
    if (c != null) {
      text.append("; certificate ").append(Excerpt.of(c.subject()))
          .append(", not after ").append(c.notAfter())
          .append(Boolean.TRUE.equals(c.selfSigned()) ? ", self-signed" : "")
          .append(", ").append(c.keyType()).append(' ').append(c.keyBits())
          .append(", ").append(c.signatureAlgorithm())
          .append(tls.nameMatches() == null ? "" : tls.nameMatches() ? ", name matches" : ", name does not match");
    }
    return text.toString();
  }
}
