package dev.rdpdoctor.casefile;

import dev.rdpdoctor.yaml.Range;

/**
 * TCP connects to the RDP port: {@code probe.tcp:}. Loss and jitter are estimates from
 * {@code attempts} connects, reported as such.
 */
public record ProbeTcp(
    @Range(min = 1, max = 65535) Long port,
    TcpOutcome outcome,
    @Range(min = 0, max = 3_600_000) Double connectMs,
    @Range(min = 0, max = 1_000_000) Long attempts,
    @Range(min = 0, max = 1_000_000) Long failures,
    @Range(min = 0, max = 100) Double lossPercent,
    @Range(min = 0, max = 3_600_000) Double jitterMs) {}
