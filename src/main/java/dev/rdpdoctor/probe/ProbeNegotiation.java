package dev.rdpdoctor.probe;

/**
 * One X.224 Connection Request with RDP_NEG_REQ and the server's answer:
 * {@code probe.negotiation[]}.
 *
 * @param requested the protocol offered
 * @param result selected, a negotiation failure, a legacy reply, not RDP, or no answer
 * @param selected the protocol the server selected, when it did
 * @param failure the RDP_NEG_FAILURE code, when it sent one
 * @param detail what happened, in words, for failures outside the protocol
 */
record ProbeNegotiation(
    RdpProtocol requested,
    NegotiationResult result,
    RdpProtocol selected,
    NegotiationFailure failure,
    String detail) {}
