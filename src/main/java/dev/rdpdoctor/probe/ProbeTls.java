package dev.rdpdoctor.probe;

/** The TLS upgrade after a successful negotiation: {@code probe.tls}. */
record ProbeTls(String version, String cipher, Certificate certificate, Boolean nameMatches, String error) {}
