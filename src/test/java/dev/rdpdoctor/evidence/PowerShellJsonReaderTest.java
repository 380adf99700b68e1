package dev.rdpdoctor.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rdpdoctor.problem.InputError;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PowerShellJsonReaderTest {

  private final PowerShellJsonReader reader = new PowerShellJsonReader();

  @Test
  void getWinEventsObjectsAreEventsWithTheirDayFromPowerShellsDateForm() {
    FileReading r = Exports.read(reader, "System-events.json");
    assertThat(r.errors()).isEmpty();
    assertThat(r.observations()).hasSize(2).first().isEqualTo(new Observation.Event(Optional.of("System"), "Schannel", 36871,
        "A fatal error occurred while creating a TLS server credential. The internal error state is 10013.",
        Optional.of(LocalDate.of(2026, 11, 20)), new Origin("System-events.json", 2, "event 36871 from Schannel on 2026-11-20")));
    assertThat(r.observations().get(1).origin().line()).isEqualTo(31);
  }

  @Test
  void aCertificateIsListedWithItsStoreAndItsNames() {
    FileReading r = Exports.read(reader, "cert-RemoteDesktop.json");
    Observation.Listed c = (Observation.Listed) r.observations().get(0);
    assertThat(c.where()).isEqualTo("Cert:\\LocalMachine\\Remote Desktop");
    assertThat(c.property("notafter")).contains("2026-11-18T06:58:12.0000000+00:00");
    assertThat(c.property("DnsNameList")).contains("rdp01.corp.example");
    assertThat(c.count()).isEqualTo(1);
  }

  @Test
  void jsonCutShortIsALocatedError() {
    FileReading r = Exports.readText(reader, "e.json", "[\n    {\n        \"Id\":  36871,\n        \"ProviderName\":  \"Sch");
    assertThat(r.errors()).singleElement().extracting(InputError::line).isEqualTo(4);
    assertThat(r.errors().get(0).message()).contains("cut short");
  }

  @Test
  void jsonNestedDeeperThanTheLimitIsALocatedErrorNotAStackOverflow() {
    String deep = "[{\"Id\":1,\"ProviderName\":\"x\",\"Properties\":" + "[".repeat(5000) + "]".repeat(5000) + "}]";
    FileReading r = Exports.readText(reader, "deep.json", deep);
    assertThat(r.errors()).singleElement().extracting(InputError::message).asString().startsWith("malformed JSON: ")
        .contains("nesting depth");
  }
}
