package dev.rdpdoctor.probe;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Client X.224 Connection Request with RDP_NEG_REQ (MS-RDPBCGR 2.2.1.1): a TPKT header
 * (big-endian length), the X.224 CR TPDU, an optional {@code Cookie: mstshash=...} line and the
 * 8-byte negotiation request (little-endian).
 *
 * @param cookie the mstshash cookie, or null for none
 * @param requestedProtocols the PROTOCOL_* bits offered
 */
record ConnectionRequest(String cookie, int requestedProtocols) {

  static final int PROTOCOL_SSL = 0x01;
  static final int PROTOCOL_HYBRID = 0x02;
  static final int PROTOCOL_RDSTLS = 0x04;
  static final int PROTOCOL_HYBRID_EX = 0x08;

  /** The cookie the probe sends: a name for the tool, never a user's. */
  static final String PROBE_COOKIE = "rdpdoctor";

  /** The request the probe sends to find out whether the server accepts {@code protocol}. */
  static ConnectionRequest offering(RdpProtocol protocol) {
    return new ConnectionRequest(PROBE_COOKIE, mask(protocol));
  }

  /**
   * The PROTOCOL_* bits for one probe request. CredSSP also offers TLS, as the specification
   * says a client SHOULD; early user authorization alone is how nmap asks for it; the client-like
   * mask is what current Microsoft clients send.
   */
  static int mask(RdpProtocol protocol) {
    return switch (protocol) {
      case RDP -> 0;
      case TLS -> PROTOCOL_SSL;
      case CREDSSP -> PROTOCOL_SSL | PROTOCOL_HYBRID;
      case CREDSSP_EARLY_AUTH -> PROTOCOL_HYBRID_EX;
      case RDSTLS -> PROTOCOL_RDSTLS;
      case CLIENT_LIKE -> PROTOCOL_SSL | PROTOCOL_HYBRID | PROTOCOL_HYBRID_EX;
    };
  }

  byte[] encode() {
    byte[] cookieLine = cookie == null ? new byte[0]
        : ("Cookie: mstshash=" + cookie + "\r\n").getBytes(StandardCharsets.US_ASCII);
    int lengthIndicator = 6 + cookieLine.length + 8;
    int total = 4 + 1 + lengthIndicator;
    ByteArrayOutputStream out = new ByteArrayOutputStream(total);
    out.write(0x03);
    out.write(0x00);
    out.write(total >> 8);
    out.write(total & 0xff);
    out.write(lengthIndicator);
    out.write(0xe0); // CR, credit 0
    out.writeBytes(new byte[] {0, 0, 0, 0, 0}); // DST-REF, SRC-REF, class 0
    out.writeBytes(cookieLine);
    out.write(0x01); // TYPE_RDP_NEG_REQ
    out.write(0x00); // flags
    out.write(0x08);
    out.write(0x00); // length 8, little-endian
    for (int i = 0; i < 4; i++) {
      out.write((requestedProtocols >> (8 * i)) & 0xff);
    }
    return out.toByteArray();
  }
}
