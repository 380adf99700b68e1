package dev.rdpdoctor.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConnectionRequestTest {

  @Test
  void encodesTheSpecificationsExample411ByteForByte() {
    // MS-RDPBCGR 4.1.1: cookie "eltons", RDP_NEG_REQ with PROTOCOL_RDP
    String spec = "03 00 00 2c 27 e0 00 00 00 00 00 43 6f 6f 6b 69 65 3a 20 6d 73 74 73 68 61 73 68 3d "
        + "65 6c 74 6f 6e 73 0d 0a 01 00 08 00 00 00 00 00";
    assertThat(Hex.of(new ConnectionRequest("eltons", 0).encode())).isEqualTo(spec);
  }

  @Test
  void encodesAClientLikeMaskWithTheLengthsWorkedOut() {
    String expected = "03 00 00 2b 26 e0 00 00 00 00 00 43 6f 6f 6b 69 65 3a 20 6d 73 74 73 68 61 73 68 3d "
        + "70 72 6f 62 65 0d 0a 01 00 08 00 0b 00 00 00";
    assertThat(Hex.of(new ConnectionRequest("probe", 0x0b).encode())).isEqualTo(expected);
  }

  @Test
  void encodesARequestWithoutCookie() {
    assertThat(Hex.of(new ConnectionRequest(null, 0x01).encode()))
        .isEqualTo("03 00 00 13 0e e0 00 00 00 00 00 01 00 08 00 01 00 00 00");
  }

  @Test
  void offersOneMaskPerProbedProtocol() {
    assertThat(ConnectionRequest.mask(RdpProtocol.RDP)).isEqualTo(0x00);
    assertThat(ConnectionRequest.mask(RdpProtocol.TLS)).isEqualTo(0x01);
    assertThat(ConnectionRequest.mask(RdpProtocol.CREDSSP)).isEqualTo(0x03);
    assertThat(ConnectionRequest.mask(RdpProtocol.CREDSSP_EARLY_AUTH)).isEqualTo(0x08);
    assertThat(ConnectionRequest.mask(RdpProtocol.RDSTLS)).isEqualTo(0x04);
    assertThat(ConnectionRequest.mask(RdpProtocol.CLIENT_LIKE)).isEqualTo(0x0b);
  }

  @Test
  void theProbesCookieNamesTheToolNotAUser() {
    String sent = new String(ConnectionRequest.offering(RdpProtocol.TLS).encode(), StandardCharsets.ISO_8859_1);
    assertThat(sent).contains("Cookie: mstshash=rdpdoctor\r\n");
  }
}
