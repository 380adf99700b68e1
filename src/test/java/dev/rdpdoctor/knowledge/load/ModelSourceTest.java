package dev.rdpdoctor.knowledge.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelSourceTest {

  private static final String DRL = """
      package network;
      import dev.rdpdoctor.casefile.*;
      // when the session drops: when == MID_SESSION
      rule "when it drops" @id("N-1") @sources("when")
      when
        $e : ErrorReport(when == ErrorTiming.MID_SESSION || when==ErrorTiming.AFTER_CREDENTIALS, message != "when")
        Client(app == ClientApp.MSTSC)
      then
      end
      """;

  @Test
  void aReservedFieldIsReadThroughAFunctionAndNothingElseChanges() {
    Map<String, String> prepared = ModelSource.prepare(Map.of("network/a.drl", DRL));
    String drl = prepared.get("network/a.drl");
    assertThat(drl).contains("$e : ErrorReport(whenOf_ErrorReport(this) == ErrorTiming.MID_SESSION"
        + " || whenOf_ErrorReport(this)==ErrorTiming.AFTER_CREDENTIALS, message != \"when\")");
    assertThat(drl).contains("// when the session drops: when == MID_SESSION")
        .contains("rule \"when it drops\" @id(\"N-1\") @sources(\"when\")\nwhen\n");
    assertThat(drl.lines().count()).isEqualTo(DRL.lines().count());
    assertThat(prepared.get("rdp-doctor-generated/network/field-functions.drl"))
        .isEqualTo("package network;\nfunction dev.rdpdoctor.casefile.ErrorTiming whenOf_ErrorReport("
            + "dev.rdpdoctor.casefile.ErrorReport fact) { return fact.when(); }\n");
  }

  @Test
  void filesWithoutReservedFieldsAreLeftAlone() {
    String plain = "package p;\nrule \"x\" when Client(app == ClientApp.MSTSC) then end\n";
    Map<String, String> in = new LinkedHashMap<>();
    in.put("p/x.drl", plain);
    assertThat(ModelSource.prepare(in)).containsExactly(Map.entry("p/x.drl", plain));
  }

  @Test
  void oneFunctionFilePerPackage() {
    Map<String, String> in = new LinkedHashMap<>();
    in.put("network/a.drl", DRL);
    in.put("network/b.drl", DRL.replace("when it drops", "another"));
    assertThat(ModelSource.prepare(in)).containsOnlyKeys(
        "network/a.drl", "network/b.drl", "rdp-doctor-generated/network/field-functions.drl");
  }
}
