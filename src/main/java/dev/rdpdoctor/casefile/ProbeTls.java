package dev.rdpdoctor.casefile;

/** The TLS upgrade after a successful negotiation: {@code probe.tls:}. */
public record ProbeTls(
    String version, String cipher, Certificate certificate, Boolean nameMatches, String error) {}
