package dev.rdpdoctor.probe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConnectionConfirmDecoderTest {

  private static NegotiationAnswer decode(String hex) {
    return ConnectionConfirmDecoder.decode(Hex.bytes(hex));
  }

  @Test
  void decodesTheSpecificationsExample412() {
    // MS-RDPBCGR 4.1.2: RDP_NEG_RSP selecting PROTOCOL_RDP
    assertThat(decode("03 00 00 13 0e d0 00 00 12 34 00 02 00 08 00 00 00 00 00"))
        .isEqualTo(new NegotiationAnswer.Selected(0, 0));
  }

  @Test
  void decodesTheSelectedProtocolAndFlags() {
    assertThat(decode("03 00 00 13 0e d0 00 00 12 34 00 02 01 08 00 01 00 00 00"))
        .isEqualTo(new NegotiationAnswer.Selected(0x01, 0x01));
    assertThat(decode("03 00 00 13 0e d0 00 00 12 34 00 02 1f 08 00 08 00 00 00"))
        .isEqualTo(new NegotiationAnswer.Selected(0x08, 0x1f));
  }

  @Test
  void decodesFailureCodes() {
    assertThat(decode("03 00 00 13 0e d0 00 00 12 34 00 03 00 08 00 05 00 00 00"))
        .isEqualTo(new NegotiationAnswer.Failed(5));
    assertThat(decode("03 00 00 13 0e d0 00 00 12 34 00 03 00 08 00 02 00 00 00"))
        .isEqualTo(new NegotiationAnswer.Failed(2));
    assertThat(decode("03 00 00 13 0e d0 00 00 12 34 00 03 00 08 00 03 00 00 00"))
        .isEqualTo(new NegotiationAnswer.Failed(3));
  }

  @Test
  void aConfirmWithoutNegotiationDataIsLegacy() {
    assertThat(decode("03 00 00 0b 06 d0 00 00 12 34 00")).isEqualTo(new NegotiationAnswer.Legacy());
  }

  @Test
  void ignoresTheReferenceFields() {
    assertThat(decode("03 00 00 13 0e d0 ab cd ef 01 00 02 00 08 00 02 00 00 00"))
        .isEqualTo(new NegotiationAnswer.Selected(0x02, 0));
  }

  @Test
  void anythingElseIsNotRdpAndSaysWhy() {
    assertThat(decode("03 00 00 13 0e e0 00 00 12 34 00 02 00 08 00 00 00 00 00"))
        .isEqualTo(new NegotiationAnswer.NotRdp("the X.224 TPDU code is 0xe0, not a Connection Confirm (0xd0)"));
    assertThat(decode("03 00 00 13 0e d0 00 00 12 34 00 07 00 08 00 00 00 00 00"))
        .isEqualTo(new NegotiationAnswer.NotRdp("unknown negotiation type 0x07"));
    assertThat(decode("03 00 00 13 0e d0 00 00 12 34 00 02 00 10 00 00 00 00 00"))
        .isEqualTo(new NegotiationAnswer.NotRdp("the negotiation structure gives its length as 16, not 8"));
    assertThat(decode("03 00 00 13 40 d0 00 00 12 34 00 02 00 08 00 00 00 00 00"))
        .isEqualTo(new NegotiationAnswer.NotRdp("the X.224 length indicator 64 does not fit the 19-byte packet"));
    assertThat(decode("03 00 00 0f 0a d0 00 00 12 34 00 02 00 08 00"))
        .isEqualTo(new NegotiationAnswer.NotRdp("the negotiation data is cut short: 4 of 8 bytes"));
    assertThat(decode("03 00 00 07 02 d0 00"))
        .isInstanceOf(NegotiationAnswer.NotRdp.class);
  }
}
