package dev.rdpdoctor.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rdpdoctor.problem.InputError;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventXmlReaderTest {

  private final EventXmlReader reader = new EventXmlReader();

  private static Observation.Event event(FileReading r, long id) {
    return r.observations().stream().map(Observation.Event.class::cast).filter(e -> e.id() == id).findFirst().orElseThrow();
  }

  @Test
  void wevtutilsEventsWithoutARootAreEachReadWithTheirRenderedMessage() {
    FileReading r = Exports.read(reader, "System-wevtutil.xml");
    assertThat(r.errors()).isEmpty();
    assertThat(r.observations()).hasSize(3);
    assertThat(event(r, 1058)).isEqualTo(new Observation.Event(Optional.of("System"),
        "Microsoft-Windows-TerminalServices-RemoteConnectionManager", 1058,
        "The RD Session Host Server has failed to replace the expired self signed certificate used for RD Session Host Server"
            + " authentication on TLS connection. The relevant status code was Access is denied.",
        Optional.of(LocalDate.of(2026, 11, 20)),
        new Origin("System-wevtutil.xml", 1, "event 1058 from Microsoft-Windows-TerminalServices-RemoteConnectionManager on 2026-11-20")));
  }

  @Test
  void anEventWithoutAMessageIsReadAsItsData() {
    FileReading r = Exports.read(reader, "System-wevtutil.xml");
    assertThat(event(r, 36870).text()).isEqualTo("Type: server; ErrorState: 0x8009030D");
    assertThat(event(r, 36870).origin().line()).isEqualTo(2);
    assertThat(event(r, 7036).provider()).isEqualTo("Service Control Manager");
  }

  @Test
  void eventViewersSaveAsXmlWithItsDeclarationAndRootIsReadTheSame() {
    FileReading r = Exports.read(reader, "System-eventviewer.xml");
    assertThat(r.errors()).isEmpty();
    assertThat(r.observations()).extracting(o -> ((Observation.Event) o).id()).containsExactly(1058L, 36870L);
    assertThat(event(r, 36870).origin().line()).isEqualTo(4);
  }

  @Test
  void anExportCutShortIsALocatedErrorAndTheEventsBeforeItAreKept() {
    FileReading r = Exports.read(reader, "System-cut-short.xml");
    assertThat(r.errors()).extracting(InputError::format)
        .containsExactly("evidence/System-cut-short.xml:2:401: error: the export ends inside an event: it was cut short");
    assertThat(r.observations()).extracting(o -> ((Observation.Event) o).id()).containsExactly(1058L);
  }

  @Test
  void aDocumentTypeOrEntityIsRefusedWhereItIsDeclaredBeforeAnythingIsParsed() {
    FileReading r = Exports.read(reader, "doctype.xml");
    assertThat(r.errors()).extracting(InputError::format).containsExactly("evidence/doctype.xml:2:1: error: a document type or"
        + " entity declaration (<!DOCTYPE>) is not read: an event export has none");
    assertThat(r.observations()).isEmpty();
  }

  @Test
  void anEntityThatIsNotDeclaredIsMalformedXmlNotAFileRead() {
    FileReading r = Exports.readText(reader, "e.xml", "<Event><System><Provider Name='x'/><EventID>1</EventID></System>"
        + "<EventData><Data>&xxe;</Data></EventData></Event>");
    assertThat(r.errors()).singleElement().extracting(InputError::message).asString().startsWith("malformed XML: ")
        .contains("xxe");
    assertThat(r.observations()).isEmpty();
  }

  @Test
  void elementsNestedDeeperThanAnExportsAreRefusedWhereTheyGoTooDeep() {
    FileReading r = Exports.read(reader, "deep.xml");
    assertThat(r.errors()).extracting(InputError::format).containsExactly(
        "evidence/deep.xml:1:101: error: elements nested deeper than 32 levels: an event export nests six at most");
  }

  @Test
  void anEventWithoutItsIdOrWithAnIdOutOfRangeIsALocatedError() {
    FileReading r = Exports.readText(reader, "e.xml", "<Event><System><Provider Name='x'/></System></Event>\n"
        + "<Event><System><Provider Name='x'/><EventID>70000</EventID></System></Event>\n"
        + "<Event><System><Provider Name='x'/><EventID>7</EventID></System></Event>\n");
    assertThat(r.errors()).extracting(InputError::format).containsExactly(
        "evidence/e.xml:1:1: error: an event without its EventID is not read",
        "evidence/e.xml:2:1: error: an event's EventID must be a number from 0 to 65535, got '70000'");
    assertThat(r.observations()).hasSize(1);
  }

  @Test
  void theParsersOwnMessageIsCutShortForItMayQuoteMuchOfTheFile() {
    FileReading r = Exports.readText(reader, "e.xml", "<Event><" + "p".repeat(900) + ":System/></Event>"); // an unbound prefix, quoted twice
    assertThat(r.errors()).singleElement().satisfies(e -> {
      assertThat(e.message()).startsWith("malformed XML: ").hasSizeLessThan(250);
      assertThat(e.line()).isEqualTo(1);
    });
  }

  @Test
  void xmlThatIsNoEventExportIsNotRecognised() {
    assertThat(reader.recognises(DecodedText.of("<?xml version='1.0'?><configuration/>"))).isFalse();
    assertThat(reader.recognises(DecodedText.of("\r\n<Event xmlns='x'>"))).isTrue();
  }
}
