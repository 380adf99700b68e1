package dev.rdpdoctor.probe;

/** How a server answered one X.224 Connection Request. */
sealed interface NegotiationAnswer {

  /** RDP_NEG_RSP: the server selected {@code protocol} (PROTOCOL_* value). */
  record Selected(int protocol, int flags) implements NegotiationAnswer {}

  /** RDP_NEG_FAILURE with its failure code. */
  record Failed(int code) implements NegotiationAnswer {}

  /** A Connection Confirm without negotiation data: a server older than RDP 5.2's negotiation. */
  record Legacy() implements NegotiationAnswer {}

  /** Bytes came back, but they are not an RDP Connection Confirm. */
  record NotRdp(String why) implements NegotiationAnswer {}

  /** Nothing usable came back: a timeout, a closed connection, a cut-off reply. */
  record NoAnswer(String why, boolean timedOut) implements NegotiationAnswer {}
}
