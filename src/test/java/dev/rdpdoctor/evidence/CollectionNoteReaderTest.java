package dev.rdpdoctor.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rdpdoctor.problem.InputError;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CollectionNoteReaderTest {

  private final CollectionNoteReader reader = new CollectionNoteReader();

  @Test
  void theCollectorsNoteGivesTheDayOfCollection() {
    FileReading r = Exports.readText(reader, "collection.txt", "rdp-doctor evidence collection\r\n"
        + "Collected: 2026-11-20T08:31:02.1234567+01:00\r\nComputer: RDP01\r\n");
    assertThat(r.observations()).containsExactly(new Observation.Collected(LocalDate.of(2026, 11, 20),
        new Origin("collection.txt", 2, "Collected: 2026-11-20T08:31:02.1234567+01:00")));
  }

  @Test
  void aNoteWithoutItsDayOrWithAnUnreadableOneIsALocatedError() {
    assertThat(Exports.readText(reader, "c.txt", "rdp-doctor evidence collection\r\nComputer: X\r\n").errors())
        .extracting(InputError::format).containsExactly("evidence/c.txt:1:1: error: a collector's note without its 'Collected:' line");
    assertThat(Exports.readText(reader, "c.txt", "rdp-doctor evidence collection\r\nCollected: soon\r\n").errors())
        .extracting(InputError::format)
        .containsExactly("evidence/c.txt:2:12: error: the day of collection must be a date like 2026-11-20T08:31:02Z, got 'soon'");
  }
}
