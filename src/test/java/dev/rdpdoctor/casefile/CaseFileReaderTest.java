package dev.rdpdoctor.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaseFileReaderTest {

  private static final Clock NOV_20 =
      Clock.fixed(LocalDate.of(2026, 11, 20).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

  private final CaseFileReader reader = new CaseFileReader(NOV_20);

  private CaseFile read(String yaml) {
    return reader.read("case.yaml", yaml.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aJsonFileIsReadLikeItsYamlTwin() {
    CaseFile json = reader.read("case.json", """
        {"error": {"code": "0x904", "extended": 7},
         "rdp": {"nla_required": true, "security_layer": "tls"},
         "events": [1058, {"id": 36870, "source": "Schannel"}]}
        """.getBytes(StandardCharsets.UTF_8));
    CaseFile yaml = read("""
        error: {code: 0x904, extended: 7}
        rdp: {nla_required: yes, security_layer: tls}
        events: [1058, {id: 36870, source: Schannel}]
        """);
    assertThat(json.symptoms()).isEqualTo(yaml.symptoms());
    assertThat(json.facts()).extracting(Fact::path).isEqualTo(yaml.facts().stream().map(Fact::path).toList());
  }

  @Test
  void codesMayBeHexOrDecimalOrQuoted() {
    assertThat(read("error: {code: 0x904, extended: 7}").error().code()).isEqualTo(0x904L);
    assertThat(read("error: {code: 2308}").error().code()).isEqualTo(0x904L);
    assertThat(read("error: {code: '0X904', extended: '0x7'}").error().extended()).isEqualTo(7L);
    assertThat(read("error: {code: 0x3000003}").error().code()).isEqualTo(0x3000003L);
  }

  @Test
  void recognisesTheCodePairThisToolIsAbout() {
    assertThat(read("error: {code: 0x904, extended: 0x7}").error().isSocketClosedDenied()).isTrue();
    assertThat(read("error: {code: 0x904, extended: 0x0}").error().isSocketClosedDenied()).isFalse();
    assertThat(read("title: x").error().isSocketClosedDenied()).isFalse();
  }

  @Test
  void valuesAreForgivingInForm() {
    CaseFile c = read("""
        client: {app: Windows App, network: WiFi}
        path: {kind: RD Gateway}
        rdp: {security_layer: 2, nla_required: yes}
        error: {when: after_credentials}
        """);
    Client client = c.symptoms().client();
    assertThat(client.app()).isEqualTo(ClientApp.WINDOWS_APP);
    assertThat(client.network()).isEqualTo(ClientNetwork.WI_FI);
    assertThat(c.symptoms().path().kind()).isEqualTo(PathKind.RD_GATEWAY);
    assertThat(c.symptoms().rdp().securityLayer()).isEqualTo(SecurityLayer.TLS);
    assertThat(c.symptoms().rdp().nlaRequired()).isTrue();
    assertThat(c.error().when()).isEqualTo(ErrorTiming.AFTER_CREDENTIALS);
  }

  @Test
  void eventsAndChangesMayBeBareOrDetailed() {
    CaseFile c = read("""
        events: [1058, {id: 36871, source: Schannel, text: state 10013}]
        host:
          recent_changes: [os-upgrade, {kind: gpo, date: 2026-11-01}]
        """);
    assertThat(c.symptoms().events()).containsExactly(
        new WindowsEvent(1058L, null, null), new WindowsEvent(36871L, "Schannel", "state 10013"));
    assertThat(c.symptoms().host().recentChanges()).containsExactly(
        new RecentChange(ChangeKind.OS_UPGRADE, null, null),
        new RecentChange(ChangeKind.GPO_CHANGE, LocalDate.of(2026, 11, 1), null));
  }

  @Test
  void whatIsNotStatedIsUnknownNotFalse() {
    CaseFile c = read("title: only a title");
    RdpSettings rdp = (RdpSettings) factAt(c, "rdp");
    assertThat(rdp.nlaRequired()).isNull();
    assertThat(rdp.enabled()).isNull();
    Certificate cert = (Certificate) factAt(c, "certificate");
    assertThat(cert.expired()).isNull();
    assertThat(c.facts()).extracting(Fact::path).doesNotContain("probe.tls", "probe.tcp");
  }

  @Test
  void expiryIsJudgedAgainstTheObservedDate() {
    CaseFile c = read("observed: 2026-06-01\ncertificate: {not_after: 2026-11-18}");
    Certificate cert = c.symptoms().certificate();
    assertThat(cert.expired()).isFalse();
    assertThat(cert.daysLeft()).isEqualTo(170L);
    assertThat(c.derivations()).containsKey("certificate.expired");
  }

  @Test
  void theObservedDateDefaultsToToday() {
    CaseFile c = read("certificate: {not_after: 2026-11-18}");
    assertThat(c.observed()).isEqualTo(LocalDate.of(2026, 11, 20));
    assertThat(c.symptoms().certificate().expired()).isTrue();
    assertThat(c.symptoms().certificate().daysLeft()).isEqualTo(-2L);
  }

  @Test
  void aStatedExpiryWithoutADateIsKept() {
    assertThat(read("certificate: {expired: true}").symptoms().certificate().expired()).isTrue();
  }

  @Test
  void gatewayNamesAreMatchedLikeTls() {
    assertThat(gatewayMatch("rdg.contoso.com", "[rdg.contoso.com]")).isTrue();
    assertThat(gatewayMatch("RDG.contoso.com.", "['CN=rdg.contoso.com']")).isTrue();
    assertThat(gatewayMatch("rdg.contoso.com", "['*.contoso.com']")).isTrue();
    assertThat(gatewayMatch("a.rdg.contoso.com", "['*.contoso.com']")).isFalse();
    assertThat(gatewayMatch("rdg.contoso.com", "[remote.contoso.com]")).isFalse();
  }

  private Boolean gatewayMatch(String fqdn, String names) {
    return read("path: {gateway: {fqdn: '" + fqdn + "', certificate_names: " + names + "}}")
        .symptoms().path().gateway().nameMatches();
  }

  @Test
  void everyFactCarriesItsSymptomFilePath() {
    CaseFile c = read("events: [1058, 1057]\nhost: {recent_changes: [os-upgrade]}\n"
        + "probe: {tcp: {outcome: connected}, negotiation: [{requested: tls, result: failure, failure: 5}]}");
    assertThat(c.facts()).extracting(Fact::path).contains(
        "error", "client", "path", "path.gateway", "host", "host.recent_changes[0]", "rdp",
        "certificate", "events[0]", "events[1]", "tests", "probe.tcp", "probe.negotiation[0]");
    ProbeNegotiation n = (ProbeNegotiation) factAt(c, "probe.negotiation[0]");
    assertThat(n.failure()).isEqualTo(NegotiationFailure.HYBRID_REQUIRED_BY_SERVER);
  }

  @Test
  void theExpectationIsReadButIsNotAFact() {
    CaseFile c = read("expect: {top: cert-expired, ruled_out: [gateway-cert-mismatch]}");
    assertThat(c.expectation()).hasValueSatisfying(e -> {
      assertThat(e.top()).isEqualTo("cert-expired");
      assertThat(e.ruledOut()).isEqualTo(List.of("gateway-cert-mismatch"));
    });
    assertThat(c.facts()).noneMatch(f -> f.value() instanceof Expectation);
  }

  @Test
  void aCaseWrittenAsOneLineOfJsonReadsLikeTheSameCaseInYaml() {
    CaseFileReader json = CaseFileReader.json(NOV_20);
    CaseFile fromJson = json.read("cases.jsonl", 7, """
        {"title": "t", "error": {"code": "0x904", "extended": 7, "affects": "everyone"}, "certificate": {"not_after": "2026-11-18"}}"""
        .getBytes(StandardCharsets.UTF_8));
    CaseFile fromYaml = read("title: t\nerror: {code: 0x904, extended: 7, affects: everyone}\ncertificate: {not_after: 2026-11-18}");
    assertThat(fromJson.symptoms()).isEqualTo(fromYaml.symptoms());
    assertThat(fromJson.derivations()).isEqualTo(fromYaml.derivations());
    assertThat(fromJson.sourceMap().find("error.affects")).hasValueSatisfying(l -> {
      assertThat(l.line()).isEqualTo(7);
      assertThat(l.text()).isEqualTo("everyone");
    });
  }

  @Test
  void anErrorInALineOfJsonIsLocatedOnThatLine() {
    CaseFileReader json = CaseFileReader.json(NOV_20);
    assertThat(errorIn(json, "{\"titel\": \"t\"}")).startsWith("cases.jsonl:12:2: error: unknown key 'titel'")
        .contains("did you mean 'title'?");
    assertThat(errorIn(json, "{\"error\": {\"code\": \"0xZZ\"}}")).startsWith("cases.jsonl:12:")
        .contains("malformed code '0xZZ'");
    assertThat(errorIn(json, "{\"title\": ")).startsWith("cases.jsonl:12:").contains("invalid JSON");
    assertThat(errorIn(json, "[1, 2]")).isEqualTo("cases.jsonl:12:1: error: expected an object of sections"
        + " ({\"error\": {...}, ...}), got a list");
    assertThat(errorIn(json, "{\"certificate\": {\"not_after\": \"2026-01-01\", \"expired\": false}}"))
        .startsWith("cases.jsonl:12:").contains("contradicts not_after");
  }

  private static String errorIn(CaseFileReader reader, String line) {
    try {
      reader.read("cases.jsonl", 12, line.getBytes(StandardCharsets.UTF_8));
    } catch (dev.rdpdoctor.yaml.InvalidInputException e) {
      return e.errors().get(0).format();
    }
    throw new AssertionError("expected " + line + " to be rejected");
  }

  private static Object factAt(CaseFile c, String path) {
    return c.facts().stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow().value();
  }
}
