package dev.rdpdoctor.knowledge.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rdpdoctor.Fixtures;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelSourceTest {

  private static final String DRL = """
      package network;
      import facts.*;
      // when the session drops: when == MID_SESSION
      rule "when it drops" @id("N-1") @sources("when")
      when
        $e : ErrorReport(when == ErrorTiming.MID_SESSION || when==ErrorTiming.AFTER_CREDENTIALS, message != "when")
        Client(app == ClientApp.MSTSC)
      then
      end
      """;

  @Test
  void aReservedFieldIsReadThroughAFunctionCallingItsGetterAndNothingElseChanges() {
    Map<String, String> prepared = ModelSource.prepare(Map.of("network/a.drl", DRL), Fixtures.vocabulary());
    String drl = prepared.get("network/a.drl");
    assertThat(drl).contains("// when the session drops: when == MID_SESSION")
        .contains("rule \"when it drops\" @id(\"N-1\") @sources(\"when\")\nwhen\n");
    assertThat(drl.lines().count()).isEqualTo(DRL.lines().count());
    assertThat(drl).contains("$e : ErrorReport(whenOf_facts_ErrorReport(this) == ErrorTiming.MID_SESSION"
        + " || whenOf_facts_ErrorReport(this)==ErrorTiming.AFTER_CREDENTIALS, message != \"when\")");
    assertThat(prepared.get("rdp-doctor-generated/network/field-functions.drl"))
        .isEqualTo("package network;\nfunction facts.ErrorTiming whenOf_facts_ErrorReport("
            + "facts.ErrorReport fact) { return fact.getWhen(); }\n");
  }

  @Test
  void whichTypeAPatternMeansIsItsSingleImportOrTheQualifiedNameItIsWrittenWith() {
    String single = DRL.replace("import facts.*;", "import facts.ErrorReport;");
    assertThat(ModelSource.prepare(Map.of("network/a.drl", single), Fixtures.vocabulary()).get("network/a.drl"))
        .contains("ErrorReport(whenOf_facts_ErrorReport(this) == ");
    String qualified = "package p;\nrule \"r\" when facts.ErrorReport(when == facts.ErrorTiming.MID_SESSION) then end\n";
    assertThat(ModelSource.prepare(Map.of("p/a.drl", qualified), Fixtures.vocabulary()).get("p/a.drl"))
        .contains("facts.ErrorReport(whenOf_facts_ErrorReport(this) == facts.ErrorTiming.MID_SESSION)");
    String other = "package p;\nimport other.ErrorReport;\nrule \"r\" when ErrorReport(when == null) then end\n";
    assertThat(ModelSource.prepare(Map.of("p/a.drl", other), Fixtures.vocabulary()).get("p/a.drl"))
        .as("a type of another package is not the vocabulary's").contains("ErrorReport(when == null)");
  }

  @Test
  void filesWithoutReservedFieldsAreLeftAlone() {
    String plain = "package p;\nrule \"x\" when Client(app == ClientApp.MSTSC) then end\n";
    Map<String, String> in = new LinkedHashMap<>();
    in.put("p/x.drl", plain);
    assertThat(ModelSource.prepare(in, Fixtures.vocabulary())).containsExactly(Map.entry("p/x.drl", plain));
  }

  @Test
  void oneFunctionFilePerPackage() {
    Map<String, String> in = new LinkedHashMap<>();
    in.put("network/a.drl", DRL);
    in.put("network/b.drl", DRL.replace("when it drops", "another"));
    assertThat(ModelSource.prepare(in, Fixtures.vocabulary())).containsOnlyKeys(
        "network/a.drl", "network/b.drl", "rdp-doctor-generated/network/field-functions.drl");
  }
}
