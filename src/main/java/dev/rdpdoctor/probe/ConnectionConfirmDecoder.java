package dev.rdpdoctor.probe;

/**
 * Reads a server X.224 Connection Confirm (MS-RDPBCGR 2.2.1.2) out of one whole TPKT packet:
 * the LI and TPDU code, then RDP_NEG_RSP or RDP_NEG_FAILURE when present. The reference fields
 * are ignored, as the specification asks.
 */
final class ConnectionConfirmDecoder {

  private static final int TPDU_CONNECTION_CONFIRM = 0xd0;
  private static final int TYPE_RDP_NEG_RSP = 0x02;
  private static final int TYPE_RDP_NEG_FAILURE = 0x03;

  private ConnectionConfirmDecoder() {}

  /** @param packet one TPKT, header included, as {@link TpktReader} returns it */
  static NegotiationAnswer decode(byte[] packet) {
    if (packet.length < 11) {
      return new NegotiationAnswer.NotRdp("a " + packet.length + "-byte TPKT is too short for a Connection Confirm (11 bytes at least)");
    }
    int li = packet[4] & 0xff;
    int code = packet[5] & 0xf0;
    if (code != TPDU_CONNECTION_CONFIRM) {
      return new NegotiationAnswer.NotRdp(String.format("the X.224 TPDU code is 0x%02x, not a Connection Confirm (0xd0)", code));
    }
    if (li < 6 || 5 + li > packet.length) {
      return new NegotiationAnswer.NotRdp("the X.224 length indicator " + li + " does not fit the " + packet.length + "-byte packet");
    }
    if (li == 6) {
      return new NegotiationAnswer.Legacy();
    }
    if (li < 14) {
      return new NegotiationAnswer.NotRdp("the negotiation data is cut short: " + (li - 6) + " of 8 bytes");
    }
    int type = packet[11] & 0xff;
    int flags = packet[12] & 0xff;
    int length = (packet[13] & 0xff) | (packet[14] & 0xff) << 8;
    int value = (packet[15] & 0xff) | (packet[16] & 0xff) << 8 | (packet[17] & 0xff) << 16 | (packet[18] & 0xff) << 24;
    if (length != 8) {
      return new NegotiationAnswer.NotRdp("the negotiation structure gives its length as " + length + ", not 8");
    }
    return switch (type) {
      case TYPE_RDP_NEG_RSP -> new NegotiationAnswer.Selected(value, flags);
      case TYPE_RDP_NEG_FAILURE -> new NegotiationAnswer.Failed(value);
      default -> new NegotiationAnswer.NotRdp(String.format("unknown negotiation type 0x%02x", type));
    };
  }
}
