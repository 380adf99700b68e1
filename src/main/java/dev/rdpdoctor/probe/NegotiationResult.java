package dev.rdpdoctor.probe;

/** How the server answered one X.224 Connection Request: {@code probe.negotiation[].result}. */
enum NegotiationResult {
  SELECTED,
  FAILURE,
  LEGACY,
  NOT_RDP,
  NO_ANSWER
}
