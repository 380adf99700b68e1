package dev.rdpdoctor.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rdpdoctor.casefile.vocabulary.DateEstimate;
import dev.rdpdoctor.problem.InputError;
import dev.rdpdoctor.problem.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
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
    assertThat(json.values().root()).isEqualTo(yaml.values().root());
    assertThat(json.derivations()).isEqualTo(yaml.derivations());
  }

  @Test
  void codesMayBeHexOrDecimalOrQuoted() {
    assertThat(read("error: {code: 0x904, extended: 7}").errorCode()).hasValue(0x904L);
    assertThat(read("error: {code: 2308}").errorCode()).hasValue(0x904L);
    assertThat(read("error: {code: '0X904', extended: '0x7'}").extendedCode()).hasValue(7L);
    assertThat(read("error: {code: 0x3000003}").errorCode()).hasValue(0x3000003L);
    assertThat(read("title: x").errorCode()).isEmpty();
  }

  @Test
  void valuesAreForgivingInForm() {
    CaseFile c = read("""
        client: {app: Windows App, network: WiFi}
        path: {kind: RD Gateway}
        rdp: {security_layer: 2, nla_required: yes}
        error: {when: after_credentials}
        """);
    assertThat(c.values().at("client.app")).hasValue("windows-app");
    assertThat(c.values().at("client.network")).hasValue("wi-fi");
    assertThat(c.values().at("path.kind")).hasValue("rd-gateway");
    assertThat(c.values().at("rdp.security_layer")).hasValue("tls");
    assertThat(c.values().at("rdp.nla_required")).hasValue(true);
    assertThat(c.values().at("error.when")).hasValue("after-credentials");
  }

  @Test
  void eventsAndChangesMayBeBareOrDetailed() {
    CaseFile c = read("""
        events: [1058, {id: 36871, source: Schannel, text: state 10013}]
        host:
          recent_changes: [os-upgrade, {kind: gpo, date: 2026-11-01}]
        """);
    assertThat(c.values().at("events[0]").map(s -> ((CaseValues.Section) s).values())).hasValue(Map.of("id", 1058L));
    assertThat(c.values().at("events[1]").map(s -> ((CaseValues.Section) s).values()))
        .hasValue(Map.of("id", 36871L, "source", "Schannel", "text", "state 10013"));
    assertThat(c.values().at("host.recent_changes[0].kind")).hasValue("os-upgrade");
    assertThat(c.values().at("host.recent_changes[0].date")).isEmpty();
    assertThat(c.values().at("host.recent_changes[1].kind")).hasValue("gpo-change");
    assertThat(c.values().at("host.recent_changes[1].date"))
        .hasValue(new DateEstimate("2026-11-01", LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 1), true));
    assertThat(c.values().at("host.recent_changes[1].days_ago")).hasValue(19L);
  }

  @Test
  void whenTheErrorBeganMayBeWordsJudgedAgainstTheObservedDate() {
    CaseFile c = read("""
        observed: 2026-11-20
        error: {code: 0x904, since: Last week}
        """);
    assertThat(c.values().at("error.since"))
        .hasValue(new DateEstimate("Last week", LocalDate.of(2026, 11, 9), LocalDate.of(2026, 11, 15), false));
    assertThat(c.values().at("error.since_days")).hasValue(8L);
    assertThat(c.derivations()).containsEntry("error.since_days",
        "since Last week (about 2026-11-12) is 8 days before the observed date 2026-11-20");
  }

  @Test
  void everySamplesChangeDatesAreReadAsTheDaysWritten() throws Exception {
    int dates = 0;
    try (var files = java.nio.file.Files.list(dev.rdpdoctor.Fixtures.SAMPLES)) {
      for (java.nio.file.Path sample : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        CaseValues values = reader.read(sample).values();
        for (int i = 0; values.at("host.recent_changes[" + i + "]").isPresent(); i++) {
          var date = values.at("host.recent_changes[" + i + "].date");
          if (date.isPresent()) {
            DateEstimate d = (DateEstimate) date.get();
            assertThat(d.exact()).as("%s change %d", sample, i).isTrue();
            assertThat(d.estimate()).as("%s change %d", sample, i).isEqualTo(LocalDate.parse(d.written()));
            dates++;
          }
        }
      }
    }
    assertThat(dates).as("samples with a dated change").isGreaterThanOrEqualTo(10);
  }

  @Test
  void wordsAreJudgedAgainstTheObservedDateWrittenAfterThemOrElseToday() {
    CaseValues observedAfter = read("""
        host:
          recent_changes: [{kind: windows-update, date: the day before yesterday}]
        observed: 2026-03-02
        """).values();
    assertThat(observedAfter.at("host.recent_changes[0].date").map(d -> ((DateEstimate) d).estimate()))
        .hasValue(LocalDate.of(2026, 2, 28));
    assertThat(observedAfter.at("host.recent_changes[0].days_ago")).hasValue(2L);
    assertThat(read("host: {recent_changes: [{kind: windows-update, date: yesterday}]}").values()
        .at("host.recent_changes[0].date").map(d -> ((DateEstimate) d).estimate())).hasValue(LocalDate.of(2026, 11, 19));
  }

  @Test
  void wordsThatNameNoDayAreALocatedErrorSayingWhatIsUnderstood() {
    assertThat(errors("""
        error:
          since: since the update
        """)).singleElement().asString()
        .startsWith("case.yaml:2:10: error: error.since: 'since the update' is not a date: write a date like 2026-11-20, or words")
        .contains("yesterday", "3 days ago", "last week", "since Monday")
        .doesNotContain("\n");
  }

  @Test
  void aStatedNumberOfDaysThatContradictsTheWordsIsALocatedError() {
    assertThat(errors("""
        observed: 2026-11-20
        error: {since: 3 days ago, since_days: 5}
        """)).containsExactly("case.yaml:2:40: error: error.since_days: 'since_days: 5' contradicts since 3 days ago (2026-11-17),"
        + " which is 3 days before the observed date 2026-11-20");
  }

  @Test
  void anEventSeenOnlyByItsSourceOrTextIsRead() {
    CaseFile c = read("""
        events:
          - {source: Schannel, text: Schannel errors}
          - {text: WMI errors}
          - 1058
        """);
    assertThat(c.values().at("events[0]").map(s -> ((CaseValues.Section) s).values()))
        .hasValue(Map.of("source", "Schannel", "text", "Schannel errors"));
    assertThat(c.values().at("events[1].text")).hasValue("WMI errors");
    assertThat(c.values().at("events[1].id")).isEmpty();
    assertThat(c.values().at("events[2].id")).hasValue(1058L);
  }

  @Test
  void anEventWithNeitherIdNorSourceNorTextIsALocatedError() {
    assertThat(errors("""
        events:
          - 1058
          - {id: null, text: null}
        """)).containsExactly("case.yaml:3:5: error: events[1]: an event needs its id, or else its source or its text,"
        + " e.g. 'id: 1058' or 'source: Schannel'");
  }

  @Test
  void whatIsNotStatedIsUnknownNotFalse() {
    CaseFile c = read("title: only a title");
    assertThat(c.values().at("rdp")).isEmpty();
    assertThat(c.values().at("certificate.expired")).isEmpty();
    assertThat(c.values().at("probe")).isEmpty();
    assertThat(c.derivations()).isEmpty();
  }

  @Test
  void expiryIsJudgedAgainstTheObservedDate() {
    CaseFile c = read("observed: 2026-06-01\ncertificate: {not_after: 2026-11-18}");
    assertThat(c.values().at("certificate.expired")).hasValue(false);
    assertThat(c.values().at("certificate.days_left")).hasValue(170L);
    assertThat(c.derivations()).containsKey("certificate.expired");
  }

  @Test
  void theObservedDateDefaultsToToday() {
    CaseFile c = read("certificate: {not_after: 2026-11-18}");
    assertThat(c.observed()).isEqualTo(LocalDate.of(2026, 11, 20));
    assertThat(c.values().at("certificate.expired")).hasValue(true);
    assertThat(c.values().at("certificate.days_left")).hasValue(-2L);
  }

  @Test
  void aStatedExpiryWithoutADateIsKept() {
    assertThat(read("certificate: {expired: true}").values().at("certificate.expired")).hasValue(true);
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
    return (Boolean) read("path: {gateway: {fqdn: '" + fqdn + "', certificate_names: " + names + "}}")
        .values().at("path.gateway.name_matches").orElse(null);
  }

  @Test
  void theExpectationIsRead() {
    CaseFile c = read("expect: {top: cert-expired, ruled_out: [gateway-cert-mismatch]}");
    assertThat(c.expectation()).hasValueSatisfying(e -> {
      assertThat(e.top()).isEqualTo("cert-expired");
      assertThat(e.ruledOut()).isEqualTo(List.of("gateway-cert-mismatch"));
    });
    assertThat(c.values().at("expect.top")).hasValue("cert-expired");
  }

  @Test
  void aCaseWrittenAsOneLineOfJsonReadsLikeTheSameCaseInYaml() {
    CaseFileReader json = CaseFileReader.json(NOV_20);
    CaseFile fromJson = json.read("cases.jsonl", 7, """
        {"title": "t", "error": {"code": "0x904", "extended": 7, "affects": "everyone"}, "certificate": {"not_after": "2026-11-18"}}"""
        .getBytes(StandardCharsets.UTF_8));
    CaseFile fromYaml = read("title: t\nerror: {code: 0x904, extended: 7, affects: everyone}\ncertificate: {not_after: 2026-11-18}");
    assertThat(fromJson.values().root()).isEqualTo(fromYaml.values().root());
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

  @Test
  void aDateFollowedByAnythingButAValidTimeIsRefusedWhereItIsWritten() {
    for (String written : List.of("2027-03-15 later", "2027-03-15T25:61:00", "2027-03-15T", "2027-03-15 08:30 tomorrow",
        "+12026-03-15", "-2026-03-15", "2027-02-30", "27-03-15", "20270315")) {
      assertThat(errors("title: dates\nobserved: '" + written + "'\n"))
          .as(written)
          .containsExactly("case.yaml:2:11: error: observed: malformed date '" + written + "': write it as YYYY-MM-DD, e.g. 2026-11-20"
              + (written.startsWith("2027-03-15") ? " (a time after the date must be a valid one, like 2026-11-20T08:30:00)" : ""));
    }
  }

  @Test
  void aDateWithAValidTimeIsReadAsItsDate() {
    for (String written : List.of("2027-03-15", "2027-03-15T08:30", "2027-03-15T08:30:00", "2027-03-15 08:30:00.250",
        "2027-03-15T08:30:00Z", "2027-03-15T23:59:59+01:00", "0001-01-01T00:00")) {
      assertThat(read("observed: '" + written + "'").observed()).as(written).isEqualTo(LocalDate.parse(written.substring(0, 10)));
    }
  }

  @Test
  void everyDateKeyIsReadAsStrictlyAsTheObservedDate() {
    String bad = "'2027-03-15 soon'";
    assertThat(errors("""
        certificate: {not_before: %1$s, not_after: %1$s}
        host:
          recent_changes:
            - {kind: windows-update, date: %1$s}
        probe:
          tls:
            certificate: {not_after: %1$s}
          gateway:
            certificate: {not_before: %1$s}
        """.formatted(bad)))
        .extracting(e -> e.substring(0, e.indexOf(": malformed date")))
        .containsExactly(
            "case.yaml:1:27: error: certificate.not_before",
            "case.yaml:1:57: error: certificate.not_after",
            "case.yaml:4:36: error: host.recent_changes[0].date",
            "case.yaml:7:30: error: probe.tls.certificate.not_after",
            "case.yaml:9:31: error: probe.gateway.certificate.not_before");
  }

  @Test
  void everyIndependentProblemOfAFileIsReportedOnALineOfItsOwn() {
    assertThat(errors("""
        title: four problems in one ticket
        observed: 2027-03-15
        error:
          code: 0xZZ
          colour: red
        rdp:
          nla_required: perhaps
          port: 3389
        certificate:
          not_after: 2027-01-01
          expired: false
        """)).containsExactly(
        "case.yaml:4:9: error: error.code: malformed code '0xZZ': write hex like 0x904 or decimal like 2308",
        "case.yaml:5:3: error: unknown key 'colour' in 'error'; allowed keys: affects, after_seconds, code, extended, frequency,"
            + " message, since, since_days, symptom, when",
        "case.yaml:7:17: error: rdp.nla_required: expected true or false, got 'perhaps'",
        "case.yaml:11:12: error: certificate.expired: 'expired: false' contradicts not_after 2027-01-01, which is before"
            + " the observed date 2027-03-15");
  }

  @Test
  void aProblemInsideASectionIsNotReportedAgainAsTheSections() {
    assertThat(errors("""
        events:
          - {id: many, colour: blue}
          - {}
        expect: {top: {cause: x}}
        """)).containsExactly(
        "case.yaml:2:10: error: events[0].id: expected a whole number, got 'many'",
        "case.yaml:2:16: error: unknown key 'colour' in 'events[0]'; allowed keys: count, id, log, machine, period_minutes, source,"
            + " text",
        "case.yaml:3:5: error: events[1]: an event needs its id, or else its source or its text, e.g. 'id: 1058' or 'source: Schannel'",
        "case.yaml:4:15: error: expect.top: expected text, got a section (key: value lines)");
  }

  @Test
  void aMisspeltKeyIsNotAlsoReportedAsTheKeyItsSectionMisses() {
    assertThat(errors("""
        events:
          - {idd: 1058}
        expect: {tpo: cert-expired}
        """)).containsExactly(
        "case.yaml:2:6: error: unknown key 'idd' in 'events[0]'; did you mean 'id'? allowed keys: count, id, log, machine, period_minutes, source, text",
        "case.yaml:3:10: error: unknown key 'tpo' in 'expect'; did you mean 'top'? allowed keys: cites, first_fix, ranked,"
            + " ruled_out, top");
  }

  @Test
  void aDateThatCannotBeReadIsNotUsedToJudgeTheOthers() {
    assertThat(errors("""
        observed: 2027-03-15 soon
        certificate: {not_after: 2020-01-01, expired: false}
        path:
          gateway: {fqdn: rdg.example.com, certificate_names: [other.example.com], name_matches: true}
        """)).containsExactly(
        "case.yaml:1:11: error: observed: malformed date '2027-03-15 soon': write it as YYYY-MM-DD, e.g. 2026-11-20"
            + " (a time after the date must be a valid one, like 2026-11-20T08:30:00)",
        "case.yaml:4:90: error: path.gateway.name_matches: 'name_matches: true' contradicts the names: rdg.example.com"
            + " is not covered by other.example.com");
  }

  @Test
  void theProblemsOfAFileStopAtTwentyAndCountTheRest() {
    StringBuilder yaml = new StringBuilder();
    for (int i = 1; i <= 35; i++) {
      yaml.append("unknown_").append(i).append(": x\n");
    }
    List<String> errors = errors(yaml.toString());
    assertThat(errors).hasSize(21);
    assertThat(errors.get(0)).startsWith("case.yaml:1:1: error: unknown key 'unknown_1' in the top level;");
    assertThat(errors.get(19)).startsWith("case.yaml:20:1: error: unknown key 'unknown_20' in the top level;");
    assertThat(errors.get(20)).isEqualTo("case.yaml:21:1: error: ... and 15 more problems, the next one here; fix these first");
  }

  @Test
  void everyProblemOfALineOfJsonIsLocatedOnThatLine() {
    try {
      CaseFileReader.json(NOV_20).read("cases.jsonl", 12, """
          {"titel": "t", "rdp": {"port": 0, "min_encryption_level": 9}, "observed": "2026-11-20T"}"""
          .getBytes(StandardCharsets.UTF_8));
      throw new AssertionError("expected the line to be refused");
    } catch (dev.rdpdoctor.problem.InvalidInputException e) {
      assertThat(e.errors()).extracting(dev.rdpdoctor.problem.InputError::format).containsExactly(
          "cases.jsonl:12:2: error: unknown key 'titel' in the top level; did you mean 'title'? allowed keys: certificate,"
              + " client, error, events, evidence, expect, host, notes, observed, path, probe, rdp, resolution, sessions, tests, title",
          "cases.jsonl:12:32: error: rdp.port: 0 is out of range; allowed: 1 to 65535",
          "cases.jsonl:12:59: error: rdp.min_encryption_level: 9 is out of range; allowed: 1 to 4",
          "cases.jsonl:12:75: error: observed: malformed date '2026-11-20T': write it as YYYY-MM-DD, e.g. 2026-11-20"
              + " (a time after the date must be a valid one, like 2026-11-20T08:30:00)");
    }
  }

  private List<String> errors(String yaml) {
    try {
      read(yaml);
    } catch (dev.rdpdoctor.problem.InvalidInputException e) {
      return e.errors().stream().map(dev.rdpdoctor.problem.InputError::format).toList();
    }
    throw new AssertionError("expected " + yaml + " to be refused");
  }

  private static String errorIn(CaseFileReader reader, String line) {
    try {
      reader.read("cases.jsonl", 12, line.getBytes(StandardCharsets.UTF_8));
    } catch (dev.rdpdoctor.problem.InvalidInputException e) {
      return e.errors().get(0).format();
    }
    throw new AssertionError("expected " + line + " to be rejected");
  }

}
