package dev.rdpdoctor.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rdpdoctor.casefile.CaseFileWriter;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The symptom file the probe writes, key by key and in order, for findings fixed in advance. */
class ProbeOutputTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
  private static final Target TARGET = new Target("rdp01.corp.example", 3389);

  private static Certificate certificate(String name, List<String> names, LocalDate notAfter) {
    return new Certificate(true, "CN=" + name, "CN=" + name, names, TODAY.minusDays(400), notAfter, "ABCDEF0123", "RSA",
        2048L, "SHA256withRSA");
  }

  private static String written(Probe raw) {
    return new CaseFileWriter().write(ProbeConclusions.conclude(TARGET, raw, TODAY).symptoms());
  }

  @Test
  void aHostRequiringNlaBehindAGatewayIsWrittenAsThisSymptomFile() {
    Probe raw = new Probe(TARGET.toString(),
        new ProbeDns(TARGET.host(), List.of("127.0.0.1", "::1"), null),
        new ProbeTcp(3389L, TcpOutcome.CONNECTED, 1.25, 10L, 1L, 10.0, 0.5),
        List.of(
            new ProbeNegotiation(RdpProtocol.RDP, NegotiationResult.FAILURE, null, NegotiationFailure.HYBRID_REQUIRED_BY_SERVER, null),
            new ProbeNegotiation(RdpProtocol.TLS, NegotiationResult.FAILURE, null, NegotiationFailure.HYBRID_REQUIRED_BY_SERVER, null),
            new ProbeNegotiation(RdpProtocol.CREDSSP, NegotiationResult.SELECTED, RdpProtocol.CREDSSP, null, null),
            new ProbeNegotiation(RdpProtocol.CREDSSP_EARLY_AUTH, NegotiationResult.SELECTED, RdpProtocol.CREDSSP_EARLY_AUTH, null, null),
            new ProbeNegotiation(RdpProtocol.RDSTLS, NegotiationResult.NO_ANSWER, null, null, "closed; the other requests were not sent"),
            new ProbeNegotiation(RdpProtocol.CLIENT_LIKE, NegotiationResult.NOT_RDP, null, null, "garbage \"quoted\" \u0007")),
        new ProbeTls("TLSv1.3", "TLS_AES_128_GCM_SHA256",
            certificate(TARGET.host(), List.of(TARGET.host(), "rdp01"), TODAY.minusDays(3)), true, null),
        new ProbeGateway("gw01.corp.example", 443L, "TLSv1.3", "TLS_AES_256_GCM_SHA384",
            certificate("gw02.corp.example", List.of("gw02.corp.example"), TODAY.plusDays(40)), false, 401L,
            List.of("Negotiate", "NTLM"), true, null));
    assertThat(written(raw)).isEqualTo("""
        title: Probe of rdp01.corp.example:3389
        notes: |-
          certificate: the certificate the server presented on the RDP port
          rdp.nla_required: the server answered hybrid-required-by-server to the rdp request
          path.kind: the client goes through the RD Gateway given to the probe
          path.gateway: the certificate the gateway presented for its name
        observed: 2026-11-20
        path:
          kind: rd-gateway
          target: rdp01.corp.example
          gateway:
            fqdn: gw01.corp.example
            certificate_names:
              - gw02.corp.example
        rdp:
          nla_required: true
        certificate:
          self_signed: true
          subject: CN=rdp01.corp.example
          issuer: CN=rdp01.corp.example
          names:
            - rdp01.corp.example
            - rdp01
          not_before: 2025-10-16
          not_after: 2026-11-17
          thumbprint: ABCDEF0123
          key_type: RSA
          key_bits: 2048
          signature_algorithm: SHA256withRSA
        probe:
          target: rdp01.corp.example:3389
          dns:
            name: rdp01.corp.example
            addresses:
              - 127.0.0.1
              - ::1
          tcp:
            port: 3389
            outcome: connected
            connect_ms: 1.25
            attempts: 10
            failures: 1
            loss_percent: 10.0
            jitter_ms: 0.5
          negotiation:
            - requested: rdp
              result: failure
              failure: hybrid-required-by-server
            - requested: tls
              result: failure
              failure: hybrid-required-by-server
            - requested: credssp
              result: selected
              selected: credssp
            - requested: credssp-early-auth
              result: selected
              selected: credssp-early-auth
            - requested: rdstls
              result: no-answer
              detail: closed; the other requests were not sent
            - requested: client-like
              result: not-rdp
              detail: "garbage \\"quoted\\" \\a"
          tls:
            version: TLSv1.3
            cipher: TLS_AES_128_GCM_SHA256
            certificate:
              self_signed: true
              subject: CN=rdp01.corp.example
              issuer: CN=rdp01.corp.example
              names:
                - rdp01.corp.example
                - rdp01
              not_before: 2025-10-16
              not_after: 2026-11-17
              thumbprint: ABCDEF0123
              key_type: RSA
              key_bits: 2048
              signature_algorithm: SHA256withRSA
            name_matches: true
          gateway:
            fqdn: gw01.corp.example
            port: 443
            tls_version: TLSv1.3
            cipher: TLS_AES_256_GCM_SHA384
            certificate:
              self_signed: true
              subject: CN=gw02.corp.example
              issuer: CN=gw02.corp.example
              names:
                - gw02.corp.example
              not_before: 2025-10-16
              not_after: 2026-12-30
              thumbprint: ABCDEF0123
              key_type: RSA
              key_bits: 2048
              signature_algorithm: SHA256withRSA
            name_matches: false
            http_status: 401
            auth_schemes:
              - Negotiate
              - NTLM
            rd_gateway: true
        """);
  }

  @Test
  void aNameThatDoesNotResolveIsWrittenAsThisSymptomFile() {
    Probe raw = new Probe(TARGET.toString(), new ProbeDns(TARGET.host(), null, "the name does not resolve (unknown host)"),
        null, null, null, null);
    assertThat(written(raw)).isEqualTo("""
        title: Probe of rdp01.corp.example:3389
        observed: 2026-11-20
        path:
          target: rdp01.corp.example
        probe:
          target: rdp01.corp.example:3389
          dns:
            name: rdp01.corp.example
            error: the name does not resolve (unknown host)
        """);
  }
}
