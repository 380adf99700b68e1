package dev.rdpdoctor.probe;

import dev.rdpdoctor.yaml.Spelled;

/** Turns a server's answer into the {@code probe.negotiation[]} fact, as seen. */
final class NegotiationFacts {

  private NegotiationFacts() {}

  static ProbeNegotiation of(RdpProtocol offered, NegotiationAnswer answer) {
    if (answer instanceof NegotiationAnswer.Selected s) {
      return selected(offered, s);
    }
    if (answer instanceof NegotiationAnswer.Failed f) {
      return f.code() >= 1 && f.code() <= NegotiationFailure.values().length
          ? new ProbeNegotiation(offered, NegotiationResult.FAILURE, null, NegotiationFailure.values()[f.code() - 1], null)
          : new ProbeNegotiation(offered, NegotiationResult.FAILURE, null, null,
              String.format("failure code 0x%x, which the specification does not define", f.code()));
    }
    if (answer instanceof NegotiationAnswer.Legacy) {
      return new ProbeNegotiation(offered, NegotiationResult.LEGACY, null, null,
          "a Connection Confirm without negotiation data, as servers older than RDP 5.2 send");
    }
    if (answer instanceof NegotiationAnswer.NotRdp n) {
      return new ProbeNegotiation(offered, NegotiationResult.NOT_RDP, null, null, n.why());
    }
    NegotiationAnswer.NoAnswer none = (NegotiationAnswer.NoAnswer) answer;
    return new ProbeNegotiation(offered, NegotiationResult.NO_ANSWER, null, null, none.why());
  }

  static ProbeNegotiation couldNotConnect(RdpProtocol offered, ConnectResult.NotConnected failed) {
    return new ProbeNegotiation(offered, NegotiationResult.NO_ANSWER, null, null, "could not connect: " + failed.why());
  }

  private static ProbeNegotiation selected(RdpProtocol offered, NegotiationAnswer.Selected s) {
    RdpProtocol chosen = protocol(s.protocol());
    if (chosen == null) {
      return new ProbeNegotiation(offered, NegotiationResult.SELECTED, null, null,
          String.format("the server selected protocol 0x%x, which this tool does not know", s.protocol()));
    }
    String detail = null;
    int offeredBits = ConnectionRequest.mask(offered);
    if (chosen == RdpProtocol.RDP && offeredBits != 0) {
      detail = "the server chose standard RDP security instead of a protocol offered";
    } else if (s.protocol() != 0 && (offeredBits & s.protocol()) == 0) {
      detail = "the server selected " + Spelled.spelling(chosen) + ", which was not offered";
    }
    return new ProbeNegotiation(offered, NegotiationResult.SELECTED, chosen, null, detail);
  }

  /** The protocol of a PROTOCOL_* value in RDP_NEG_RSP, or null for one this tool does not know. */
  static RdpProtocol protocol(int value) {
    return switch (value) {
      case 0 -> RdpProtocol.RDP;
      case ConnectionRequest.PROTOCOL_SSL -> RdpProtocol.TLS;
      case ConnectionRequest.PROTOCOL_HYBRID -> RdpProtocol.CREDSSP;
      case ConnectionRequest.PROTOCOL_RDSTLS -> RdpProtocol.RDSTLS;
      case ConnectionRequest.PROTOCOL_HYBRID_EX -> RdpProtocol.CREDSSP_EARLY_AUTH;
      default -> null;
    };
  }

  /** One line for the progress stream. */
  static String describe(ProbeNegotiation n) {
    String text = switch (n.result()) {
      case SELECTED -> "selected " + (n.selected() == null ? "?" : Spelled.spelling(n.selected()));
      case FAILURE -> "failure " + (n.failure() == null ? "?" : Spelled.spelling(n.failure()));
      default -> Spelled.spelling(n.result());
    };
    return n.detail() == null ? text : text + " (" + n.detail() + ")";
  }
}
