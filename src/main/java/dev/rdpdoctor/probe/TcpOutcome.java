package dev.rdpdoctor.probe;

/** What a TCP connect to the RDP port did: {@code probe.tcp.outcome}. */
enum TcpOutcome {
  CONNECTED,
  REFUSED,
  TIMED_OUT,
  UNREACHABLE
}
