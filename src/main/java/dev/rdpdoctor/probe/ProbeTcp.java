package dev.rdpdoctor.probe;

/**
 * TCP connects to the RDP port: {@code probe.tcp}. Loss and jitter are estimates from
 * {@code attempts} connects, reported as such.
 */
record ProbeTcp(
    Long port,
    TcpOutcome outcome,
    Double connectMs,
    Long attempts,
    Long failures,
    Double lossPercent,
    Double jitterMs) {}
