package dev.rdpdoctor.casefile.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rdpdoctor.problem.InputError;
import dev.rdpdoctor.problem.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VocabularyReaderTest {

  private static final String ROOT = """
      types:
        SymptomFile:
          root: true
          doc: A case.
          keys:
            rdp: {type: section, of: RdpSettings, insert: always, doc: the host's settings}
      """;

  private static final String RDP = """
      types:
        RdpSettings:
          doc: The host's settings.
          keys:
            nla_required: {type: yes-no, doc: NLA required, example: "true"}
            security_layer: {type: one-of, of: SecurityLayer, doc: the layer, example: tls}
      sets:
        SecurityLayer: {rdp: ["0"], negotiate: ["1"], tls: ["2", ssl]}
      """;

  private static Vocabulary read(String... namesAndTexts) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (int i = 0; i < namesAndTexts.length; i += 2) {
      files.put(namesAndTexts[i], namesAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
    }
    return new VocabularyReader().read(files, "v");
  }

  private static List<String> errors(String... namesAndTexts) {
    try {
      read(namesAndTexts);
    } catch (InvalidInputException e) {
      return e.errors().stream().map(InputError::format).toList();
    }
    throw new AssertionError("the vocabulary read without errors");
  }

  @Test
  void aSmallVocabularyReadsWithItsPlacesFactsAndFields() {
    Vocabulary v = read("a.yaml", ROOT, "rdp.yaml", RDP);
    assertThat(v.places()).containsOnlyKeys("rdp", "rdp.nla_required", "rdp.security_layer");
    assertThat(v.factTypes()).containsExactly(Map.entry("RdpSettings", List.of("rdp")));
    Place layer = v.place("rdp.security_layer").orElseThrow();
    assertThat(layer.readAs().orElseThrow()).hasToString("RdpSettings.securityLayer");
    assertThat(((KeyType.OneOf) layer.key().type()).set().parse("SSL")).isEqualTo("tls");
    assertThat(layer.key().type().describe()).isEqualTo("`rdp` (0), `negotiate` (1), `tls` (2)");
  }

  @Test
  void aOneOfKeyNamingAnUnknownSetIsLocatedWithADidYouMean() {
    assertThat(errors("a.yaml", ROOT, "rdp.yaml", RDP.replace("of: SecurityLayer", "of: SecurityLayr")))
        .containsExactly("v/rdp.yaml:6:42: error: RdpSettings.security_layer: no set 'SecurityLayr'; did you mean "
            + "'SecurityLayer'? sets: SecurityLayer");
  }

  @Test
  void aMisspeltPropertyOfAKeyIsAnUnknownKeyWithADidYouMean() {
    assertThat(errors("a.yaml", ROOT, "rdp.yaml", RDP.replace("example: \"true\"", "exmaple: \"true\"")))
        .singleElement().asString()
        .startsWith("v/rdp.yaml:5:55: error: unknown key 'exmaple' in 'types.RdpSettings.keys.nla_required'; did you mean 'example'?");
  }

  @Test
  void aKeyWithoutItsMeaningIsLocated() {
    assertThat(errors("a.yaml", ROOT, "rdp.yaml", RDP.replace("doc: NLA required, ", "")))
        .singleElement().asString()
        .isEqualTo("v/rdp.yaml:5:21: error: types.RdpSettings.keys.nla_required: a key needs its 'doc': what it means, in a sentence or two");
  }

  @Test
  void aTypeDeclaredInTwoFilesSaysWhereTheFirstIs() {
    assertThat(errors("a.yaml", ROOT, "rdp.yaml", RDP, "z.yaml", RDP.replace("SecurityLayer: {", "OtherLayer: {")))
        .containsExactly("v/z.yaml:3:5: error: 'RdpSettings' is declared twice: also at v/rdp.yaml:3");
  }

  @Test
  void aDerivationFromAKeyOfTheWrongTypeIsLocated() {
    String certificate = """
        types:
          SymptomFile:
            root: true
            doc: A case.
            keys:
              certificate: {type: section, of: Certificate, insert: always, doc: the certificate}
          Certificate:
            doc: A certificate.
            keys:
              not_after: {type: text, doc: the end, example: "2026-01-01"}
              expired:
                type: yes-no
                derived: {by: before-observed, from: [not_after]}
                doc: worked out
                example: "true"
        """;
    assertThat(errors("a.yaml", certificate)).containsExactly(
        "v/a.yaml:13:47: error: Certificate.expired: before-observed takes a date here, and 'not_after' is text");
    assertThat(read("a.yaml", certificate.replace("type: text, doc: the end", "type: date, doc: the end"))
        .place("certificate.expired").orElseThrow().key().derived().orElseThrow().by())
        .isEqualTo(Derivation.BEFORE_OBSERVED);
  }

  /** A section of events known by their id, or by their source. */
  private static final String EVENTS = """
      types:
        SymptomFile:
          root: true
          doc: A case.
          keys:
            events: {type: section, of: WindowsEvent, list: true, insert: each, doc: the events}
        WindowsEvent:
          doc: An event.
          required_one_of: [id, source]
          keys:
            id: {type: whole-number, doc: the id, example: "1058"}
            source: {type: text, doc: the source, example: Schannel}
            text: {type: text, doc: the text, example: failed}
      """;

  @Test
  void aTypeMayRequireOneOfSeveralKeys() {
    SectionType event = read("a.yaml", EVENTS).type("WindowsEvent").orElseThrow();
    assertThat(event.requiredOneOf()).containsExactly("id", "source");
    assertThat(event.missingOneOf()).isEqualTo("needs one of 'id', 'source'");
    assertThat(read("a.yaml", EVENTS.replace("required_one_of: [id, source]", "required_one_of: [id, source]\n    missing: an event needs its id"))
        .type("WindowsEvent").orElseThrow().missingOneOf()).isEqualTo("an event needs its id");
  }

  @Test
  void aRequiredOneOfNamingNoKeyOrOneKeyOrARequiredKeyIsLocated() {
    assertThat(errors("a.yaml", EVENTS.replace("[id, source]", "[id, sorce]"))).containsExactly(
        "v/a.yaml:9:27: error: WindowsEvent: required_one_of names 'sorce', which is no key of it; did you mean 'source'?");
    assertThat(errors("a.yaml", EVENTS.replace("[id, source]", "[id]"))).containsExactly(
        "v/a.yaml:9:5: error: WindowsEvent: required_one_of names one key; write 'required: true' on it instead");
    assertThat(errors("a.yaml", EVENTS.replace("id: {type: whole-number,", "id: {type: whole-number, required: true,")))
        .containsExactly("v/a.yaml:9:23: error: WindowsEvent: 'id' is required on its own already; required_one_of lists keys"
            + " any one of which will do");
    assertThat(errors("a.yaml", EVENTS.replace("    required_one_of: [id, source]\n", "    missing: an event needs its id\n")))
        .containsExactly("v/a.yaml:8:5: error: types.WindowsEvent: a type's 'missing' is the message for 'required_one_of',"
            + " which it does not have");
  }

  @Test
  void anApproximateDateKeyTakesWordsInItsExampleAndOnlyDatesFromWindows() {
    String changes = """
        types:
          SymptomFile:
            root: true
            doc: A case.
            keys:
              host: {type: section, of: Host, insert: always, doc: the host}
          Host:
            doc: The host.
            keys:
              changed:
                type: approximate-date
                doc: when it changed
                example: since last Monday
                windows:
                  - registry: {key: HKLM\\X, value: Changed, kind: REG_SZ, absent: "2026-01-02"}
              days:
                type: whole-number
                derived: {by: days-before-observed, from: [changed]}
                doc: worked out
                example: "3"
        """;
    Key changed = read("a.yaml", changes).place("host.changed").orElseThrow().key();
    assertThat(changed.type()).isEqualTo(new KeyType.ApproximateDate());
    assertThat(((WindowsSource.Registry) changed.windows().get(0)).absent()).contains(
        new DateEstimate("2026-01-02", java.time.LocalDate.of(2026, 1, 2), java.time.LocalDate.of(2026, 1, 2), true));
    assertThat(errors("a.yaml", changes.replace("absent: \"2026-01-02\"", "absent: last week"))).singleElement().asString()
        .isEqualTo("v/a.yaml:15:75: error: Host.changed: malformed date 'last week': write it as YYYY-MM-DD, e.g. 2026-11-20");
    assertThat(errors("a.yaml", changes.replace("example: since last Monday", "example: since the update")))
        .singleElement().asString()
        .startsWith("v/a.yaml:13:18: error: Host.changed: the example does not read: 'since the update' is not a date");
    assertThat(errors("a.yaml", changes.replace("type: approximate-date", "type: text"))).containsExactly(
        "v/a.yaml:18:52: error: Host.days: days-before-observed takes a date here, and 'changed' is text");
  }

  @Test
  void aRegistryValueMappedOutsideTheKeysSetIsLocated() {
    String rdp = RDP.replace("security_layer: {type: one-of, of: SecurityLayer, doc: the layer, example: tls}", """
        security_layer:
                type: one-of
                of: SecurityLayer
                doc: the layer
                example: tls
                windows:
                  - registry:
                      key: HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server\\WinStations\\RDP-Tcp
                      value: SecurityLayer
                      kind: REG_DWORD
                      map: {0: rdp, 1: negotiate, 2: tsl}
        """);
    assertThat(errors("a.yaml", ROOT, "rdp.yaml", rdp)).containsExactly(
        "v/rdp.yaml:16:46: error: RdpSettings.security_layer: 'tsl' is not allowed; did you mean 'tls'? allowed: rdp, negotiate, tls");
  }

  @Test
  void anExampleThatDoesNotReadAsItsKeyIsLocated() {
    assertThat(errors("a.yaml", ROOT, "rdp.yaml", RDP.replace("example: \"true\"", "example: sometimes")))
        .containsExactly("v/rdp.yaml:5:64: error: RdpSettings.nla_required: the example does not read: "
            + "expected true or false, got 'sometimes'");
  }

  @Test
  void aTypeNoSectionIsOfIsAnError() {
    assertThat(errors("a.yaml", ROOT, "rdp.yaml", RDP, "b.yaml", """
        types:
          DomainTrust:
            doc: The host's trust with its domain.
            keys:
              secure_channel_ok: {type: yes-no, doc: Test-ComputerSecureChannel is True, example: "false"}
        """)).containsExactly("v/b.yaml:2:3: error: type 'DomainTrust' is declared but no section is of it: "
            + "give a key 'type: section' and 'of: DomainTrust'");
  }

  @Test
  void aTypeThatHoldsItselfIsAnError() {
    String loop = ROOT + """
          Loop:
            doc: A section in itself.
            keys:
              again: {type: section, of: Loop, doc: the same again}
        """;
    assertThat(errors("a.yaml", loop.replace("keys:\n      rdp:", "keys:\n      loop: {type: section, of: Loop, doc: a loop}\n      rdp:"),
        "rdp.yaml", RDP)).containsExactly("v/a.yaml:8:3: error: type 'Loop' holds itself, through its sections; a symptom file has no end");
  }

  @Test
  void anAliasThatWouldMeanTwoValuesIsAnError() {
    assertThat(errors("a.yaml", ROOT, "rdp.yaml", RDP.replace("negotiate: [\"1\"]", "negotiate: [\"1\", ssl]")))
        .containsExactly("v/rdp.yaml:8:3: error: set SecurityLayer: 'ssl' would mean both 'negotiate' and 'tls'");
  }

  @Test
  void aKeyTheRulesCannotReadUnderItsOwnNameNeedsAField() {
    assertThat(errors("a.yaml", ROOT, "rdp.yaml", RDP.replace("nla_required:", "new:")))
        .containsExactly("v/rdp.yaml:5:7: error: RdpSettings.new: 'new' is a word of the rule language; "
            + "give the key a 'field:' the rules can read");
    assertThat(read("a.yaml", ROOT, "rdp.yaml", RDP.replace("nla_required: {", "new: {field: isNew, "))
        .place("rdp.new").orElseThrow().readAs().orElseThrow()).hasToString("RdpSettings.isNew");
  }

  @Test
  void aKeyNamedEndNeedsAFieldForItWouldCloseTheDeclarationOfItsFactType() {
    assertThat(errors("a.yaml", ROOT, "rdp.yaml", RDP.replace("nla_required:", "end:")))
        .containsExactly("v/rdp.yaml:5:7: error: RdpSettings.end: 'end' is a word of the rule language; "
            + "give the key a 'field:' the rules can read");
  }

  @Test
  void aListOfSectionsIsInsertedPerItemNotAlways() {
    assertThat(errors("a.yaml", ROOT.replace("insert: always", "list: true, insert: always"), "rdp.yaml", RDP))
        .containsExactly("v/a.yaml:6:65: error: SymptomFile.rdp: the items of a list are inserted 'each', or 'never'");
  }

  @Test
  void everyProblemOfTheFolderIsReportedAtOnce() {
    assertThat(errors("a.yaml", ROOT, "rdp.yaml", RDP.replace("example: \"true\"", "example: sometimes")
        .replace("of: SecurityLayer", "of: Layer"), "c.yaml", "types: [1, 2]\n"))
        .hasSize(3)
        .anyMatch(e -> e.startsWith("v/c.yaml:1:"))
        .anyMatch(e -> e.contains("no set 'Layer'"))
        .anyMatch(e -> e.contains("the example does not read"));
  }

  @Test
  void aWholeNumberOutsideItsRangeDoesNotRead() {
    KeyType.WholeNumber level = new KeyType.WholeNumber(1, 4);
    assertThat(ValueReader.read(level, 4)).isEqualTo(4L);
    assertThatThrownBy(() -> ValueReader.read(level, 5)).hasMessage("5 is out of range; allowed: 1 to 4");
    assertThatThrownBy(() -> ValueReader.read(level, 2.5)).hasMessage("expected a whole number, got 2.5");
    assertThat(ValueReader.read(new KeyType.Code(), "0x904")).isEqualTo(0x904L);
  }

  @Test
  void aValueIsMatchedIgnoringCaseSpacesAndUnderscoresAsEverywhereElse() {
    for (String typed : List.of("Windows App", "windows_app", " WINDOWS  APP ", "wi\tfi", "Wi_Fi", "İstanbul", "x__ _y")) {
      assertThat(ValueSet.normalise(typed)).as(typed).isEqualTo(dev.rdpdoctor.yaml.Spelled.normalise(typed));
    }
  }

  @Test
  void aRulesFolderWithoutItsVocabularyIsALocatedError(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    assertThatThrownBy(() -> new VocabularyReader().read(dir.resolve("vocabulary"), "my-rules/vocabulary"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).extracting(InputError::format)
            .containsExactly("my-rules/vocabulary:1:1: error: no vocabulary: a rules folder needs vocabulary/ with the "
                + "symptom-file keys in *.yaml"));
    java.nio.file.Files.createDirectories(dir.resolve("vocabulary"));
    assertThatThrownBy(() -> new VocabularyReader().read(dir.resolve("vocabulary"), "my-rules/vocabulary"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).extracting(InputError::format)
            .containsExactly("my-rules/vocabulary:1:1: error: no vocabulary files: vocabulary/ needs at least one *.yaml "
                + "declaring the symptom-file keys"));
  }
}
