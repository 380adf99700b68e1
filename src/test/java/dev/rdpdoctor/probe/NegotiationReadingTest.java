package dev.rdpdoctor.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NegotiationReadingTest {

  private static ProbeNegotiation selected(RdpProtocol requested, RdpProtocol selected) {
    return new ProbeNegotiation(requested, NegotiationResult.SELECTED, selected, null, null);
  }

  private static ProbeNegotiation failed(RdpProtocol requested, NegotiationFailure failure) {
    return new ProbeNegotiation(requested, NegotiationResult.FAILURE, null, failure, null);
  }

  @Test
  void hybridRequiredMeansNlaIsRequired() {
    NegotiationReading reading = new NegotiationReading(List.of(
        failed(RdpProtocol.RDP, NegotiationFailure.HYBRID_REQUIRED_BY_SERVER),
        failed(RdpProtocol.TLS, NegotiationFailure.HYBRID_REQUIRED_BY_SERVER),
        selected(RdpProtocol.CREDSSP, RdpProtocol.CREDSSP)));
    assertThat(reading.nlaRequired()).hasValueSatisfying(c -> {
      assertThat(c.value()).isTrue();
      assertThat(c.reason()).isEqualTo("the server answered hybrid-required-by-server to the rdp request");
    });
    assertThat(reading.securityLayer()).as("NLA does not tell Negotiate from TLS").isEmpty();
  }

  @Test
  void acceptingTlsWithoutCredSspMeansNlaIsNotRequired() {
    NegotiationReading reading = new NegotiationReading(List.of(
        failed(RdpProtocol.RDP, NegotiationFailure.SSL_REQUIRED_BY_SERVER),
        selected(RdpProtocol.TLS, RdpProtocol.TLS),
        selected(RdpProtocol.CREDSSP, RdpProtocol.TLS)));
    assertThat(reading.nlaRequired()).hasValueSatisfying(c -> {
      assertThat(c.value()).isFalse();
      assertThat(c.reason()).isEqualTo("the server accepted the tls request with tls, without CredSSP");
    });
    assertThat(reading.securityLayer()).hasValueSatisfying(c -> {
      assertThat(c.value()).isEqualTo(SecurityLayer.TLS);
      assertThat(c.reason()).isEqualTo("the server answered ssl-required-by-server to a request for standard RDP security");
    });
  }

  @Test
  void refusingTlsMeansTheRdpSecurityLayer() {
    assertThat(new NegotiationReading(List.of(
        selected(RdpProtocol.RDP, RdpProtocol.RDP),
        failed(RdpProtocol.TLS, NegotiationFailure.SSL_NOT_ALLOWED_BY_SERVER))).securityLayer())
        .hasValueSatisfying(c -> assertThat(c.value()).isEqualTo(SecurityLayer.RDP));
    // xrdp's way: standard RDP security selected although TLS was offered
    assertThat(new NegotiationReading(List.of(
        selected(RdpProtocol.RDP, RdpProtocol.RDP),
        selected(RdpProtocol.TLS, RdpProtocol.RDP))).securityLayer())
        .hasValueSatisfying(c -> {
          assertThat(c.value()).isEqualTo(SecurityLayer.RDP);
          assertThat(c.reason()).isEqualTo("the server chose standard RDP security for the tls request, which offered TLS");
        });
  }

  @Test
  void acceptingBothMeansNegotiate() {
    NegotiationReading reading = new NegotiationReading(List.of(
        selected(RdpProtocol.RDP, RdpProtocol.RDP),
        selected(RdpProtocol.TLS, RdpProtocol.TLS),
        selected(RdpProtocol.CREDSSP_EARLY_AUTH, RdpProtocol.RDP)));
    assertThat(reading.securityLayer()).hasValueSatisfying(c -> assertThat(c.value()).isEqualTo(SecurityLayer.NEGOTIATE));
    assertThat(reading.nlaRequired()).hasValueSatisfying(c -> assertThat(c.value()).isFalse());
  }

  @Test
  void answersThatProveNothingConcludeNothing() {
    NegotiationReading reading = new NegotiationReading(List.of(
        failed(RdpProtocol.TLS, NegotiationFailure.SSL_CERT_NOT_ON_SERVER),
        new ProbeNegotiation(RdpProtocol.RDP, NegotiationResult.NO_ANSWER, null, null, "closed")));
    assertThat(reading.nlaRequired()).isEmpty();
    assertThat(reading.securityLayer()).isEmpty();
    assertThat(new NegotiationReading(null).nlaRequired()).isEmpty();
  }

  @Test
  void contradictingAnswersConcludeNothing() {
    NegotiationReading reading = new NegotiationReading(List.of(
        failed(RdpProtocol.RDP, NegotiationFailure.HYBRID_REQUIRED_BY_SERVER),
        selected(RdpProtocol.TLS, RdpProtocol.TLS)));
    assertThat(reading.nlaRequired()).isEmpty();
  }
}
