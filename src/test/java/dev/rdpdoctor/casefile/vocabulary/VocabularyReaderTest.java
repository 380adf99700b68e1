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
