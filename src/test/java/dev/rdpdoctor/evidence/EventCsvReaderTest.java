package dev.rdpdoctor.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rdpdoctor.problem.InputError;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventCsvReaderTest {

  private final EventCsvReader reader = new EventCsvReader();

  @Test
  void eventViewersCsvGivesEachEventWithItsDescriptionFromTheUnnamedSixthField() {
    FileReading r = Exports.read(reader, "System-eventviewer.csv");
    assertThat(r.errors()).isEmpty();
    assertThat(r.observations()).hasSize(3).first().isEqualTo(new Observation.Event(Optional.empty(), "Schannel", 36870,
        "A fatal error occurred when attempting to access the TLS server credential private key. The error code returned"
            + " from the cryptographic module is 0x8009030D. The internal error state is 10001.",
        Optional.of(LocalDate.of(2026, 11, 20)), new Origin("System-eventviewer.csv", 2, "event 36870 from Schannel on 2026-11-20")));
  }

  @Test
  void aDescriptionOnSeveralLinesIsOneFieldAndTheNextRecordKeepsItsLine() {
    FileReading r = Exports.read(reader, "System-eventviewer.csv");
    Observation.Event e1057 = (Observation.Event) r.observations().get(1);
    assertThat(e1057.text()).endsWith("SSL connections.\nThe relevant status code was Keyset does not exist");
    assertThat(r.observations().get(2).origin().line()).isEqualTo(5);
  }

  @Test
  void theHeaderInTheLanguageOfTheMachineIsRecognisedAndItsDatesRead() {
    FileReading r = Exports.read(reader, "System-eventviewer-de.csv");
    assertThat(r.observations()).singleElement().extracting(o -> ((Observation.Event) o).date())
        .isEqualTo(Optional.of(LocalDate.of(2026, 11, 20)));
  }

  @Test
  void powerShellsExportCsvWithItsTypeLineGivesTheLogToo() {
    FileReading r = Exports.read(reader, "System-export.csv");
    assertThat(r.errors()).isEmpty();
    Observation.Event e = (Observation.Event) r.observations().get(0);
    assertThat(e.id()).isEqualTo(36871);
    assertThat(e.log()).contains("System");
    assertThat(e.text()).contains("10013");
    assertThat(e.origin().line()).isEqualTo(3);
  }

  @Test
  void aCsvCutShortInsideAQuotedFieldIsALocatedError() {
    FileReading r = Exports.read(reader, "System-cut-short.csv");
    assertThat(r.errors()).extracting(InputError::format)
        .containsExactly("evidence/System-cut-short.csv:2:49: error: a quoted field that is never closed: the file was cut short");
  }

  @Test
  void aRecordWithoutANumberForItsIdIsALocatedErrorAndTheNextIsRead() {
    FileReading r = Exports.readText(reader, "e.csv", "Level,Date and Time,Source,Event ID,Task Category\r\n"
        + "Error,,Schannel,abc,None,x\r\nError,,Schannel,36871,None,y\r\n");
    assertThat(r.errors()).extracting(InputError::format)
        .containsExactly("evidence/e.csv:2:1: error: an event id must be a number from 0 to 65535, got 'abc'");
    assertThat(r.observations()).hasSize(1);
  }

  @Test
  void aHeaderOnTheLastLineWithNothingAfterItIsAnExportOfNoEvent() {
    FileReading r = Exports.readText(reader, "e.csv", "Ebene,Datum und Uhrzeit,Quelle,Ereignis-ID,Aufgabenkategorie");
    assertThat(r.errors()).isEmpty();
    assertThat(r.observations()).isEmpty();
  }

  @Test
  void aCsvWithoutAnIdAndASourceColumnIsNoEventExport() {
    assertThat(reader.recognises(DecodedText.of("Name,Value\r\na,1\r\n"))).isFalse();
  }
}
