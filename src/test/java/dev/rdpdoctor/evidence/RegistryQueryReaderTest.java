package dev.rdpdoctor.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rdpdoctor.casefile.vocabulary.RegistryKind;
import dev.rdpdoctor.problem.InputError;
import org.junit.jupiter.api.Test;

class RegistryQueryReaderTest {

  private final RegistryQueryReader reader = new RegistryQueryReader();

  @Test
  void eachValueLineGivesItsKeysValueWithItsDataInDecimal() {
    FileReading r = Exports.read(reader, "Terminal-Server-query.txt");
    assertThat(r.errors()).isEmpty();
    assertThat(r.observations()).hasSize(7).first().isEqualTo(new Observation.RegistryValue(
        "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server", "AllowRemoteRPC", RegistryKind.REG_DWORD, "1",
        new Origin("Terminal-Server-query.txt", 3, "AllowRemoteRPC    REG_DWORD    0x1")));
    assertThat(r.observations()).filteredOn(o -> o instanceof Observation.RegistryValue v && v.name().equals("TSServerDrainMode"))
        .extracting(o -> ((Observation.RegistryValue) o).data()).containsExactly("2");
  }

  @Test
  void aQueryListsNoKeyWhole() {
    assertThat(Exports.read(reader, "Terminal-Server-query.txt").observations())
        .noneMatch(Observation.RegistryKey.class::isInstance);
  }

  @Test
  void aValueLineThatIsNotNameTypeAndDataIsALocatedErrorAndTheRestIsRead() {
    FileReading r = Exports.readText(reader, "q.txt", "HKEY_LOCAL_MACHINE\\SOFTWARE\\X\r\n"
        + "    A    REG_DWORD    0x1\r\n"
        + "    B    REG_DWORD    twelve\r\n"
        + "    garbage\r\n"
        + "    C    REG_BINARY    3F2A\r\n");
    assertThat(r.errors()).extracting(InputError::format).containsExactly(
        "evidence/q.txt:3:23: error: the data of 'B' is not a REG_DWORD: 'twelve'",
        "evidence/q.txt:4:1: error: a value's line must be indented, its name, type and data set apart by four spaces"
            + " (NAME, REG_DWORD, 0x1), got 'garbage'");
    assertThat(r.observations()).extracting(o -> ((Observation.RegistryValue) o).name()).containsExactly("A", "C");
  }

  @Test
  void theErrorOfAKeyNotFoundIsRecognisedAndSaysNothing() {
    FileReading r = Exports.readText(reader, "missing.txt",
        "ERROR: The system was unable to find the specified registry key or value.\r\n");
    assertThat(r.errors()).isEmpty();
    assertThat(r.observations()).isEmpty();
  }
}
