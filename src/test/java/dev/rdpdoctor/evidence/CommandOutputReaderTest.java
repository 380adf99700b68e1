package dev.rdpdoctor.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rdpdoctor.problem.InputError;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandOutputReaderTest {

  private final CommandOutputReader reader = new CommandOutputReader();

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "sc-query-TermService.txt | sc query termservice",
      "sc-query-KeyIso.txt | sc query keyiso",
      "qwinsta.txt | qwinsta",
      "icacls-MachineKeys.txt | icacls c:\\programdata\\microsoft\\crypto\\rsa\\machinekeys",
      "Test-NetConnection.txt | test-netconnection -port",
      "ping.txt | ping",
      "winmgmt.txt | winmgmt /verifyrepository",
      "dsregcmd.txt | dsregcmd /status",
      "Test-ComputerSecureChannel.txt | test-computersecurechannel",
      "change-logon.txt | change logon /query",
      "pasted-console.txt | sc query TermService"})
  void eachCommandIsToldByWhatItPrints(String file, String command) {
    FileReading r = Exports.read(reader, file);
    assertThat(r.errors()).isEmpty();
    assertThat(r.observations()).singleElement().isInstanceOfSatisfying(Observation.CommandOutput.class,
        o -> assertThat(String.join(" ", o.command())).isEqualTo(command));
  }

  @Test
  void textThatNoCommandPrintsIsNotACommandsOutput() {
    assertThat(reader.recognises(Exports.text("notes.txt"))).isFalse();
    assertThat(reader.recognises(DecodedText.of("True\r\n"))).as("a bare True tells no command").isFalse();
  }

  @Test
  void anIcaclsOutputOfOneLineTellsItsPathByTheFirstPrincipal() {
    Optional<List<String>> words = CommandOutputReader.command(DecodedText.of(
        "C:\\ProgramData\\Microsoft\\Crypto\\RSA\\MachineKeys\\f686aace_c5d2 NT AUTHORITY\\SYSTEM:(F)\r\n\r\n"
            + "Successfully processed 1 files; Failed processing 0 files\r\n"));
    assertThat(words).contains(List.of("icacls", "c:\\programdata\\microsoft\\crypto\\rsa\\machinekeys\\f686aace_c5d2"));
  }

  @Test
  void anOutputLargerThanAnyTheseCommandsPrintIsALocatedError() {
    String huge = "WMI repository is consistent\r\n" + "x".repeat(EvidenceLimits.DEFAULT.maxCommandChars());
    FileReading r = Exports.readText(reader, "w.txt", huge);
    assertThat(r.errors()).extracting(InputError::line).containsExactly(1);
    assertThat(r.observations()).isEmpty();
  }
}
