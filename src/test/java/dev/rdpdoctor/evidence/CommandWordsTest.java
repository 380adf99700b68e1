package dev.rdpdoctor.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommandWordsTest {

  @Test
  void aCommandLineIsItsWordsWithQuotesRemovedAndWhatItPipesToLeftOut() {
    assertThat(CommandWords.of("certutil -store \"Remote Desktop\"")).containsExactly("certutil", "-store", "Remote Desktop");
    assertThat(CommandWords.of("Get-ChildItem 'Cert:\\LocalMachine\\Remote Desktop' | Format-List Subject"))
        .containsExactly("get-childitem", "Cert:\\LocalMachine\\Remote Desktop");
    assertThat(CommandWords.of("query session")).containsExactly("qwinsta");
    assertThat(CommandWords.of("sc.exe query TermService")).containsExactly("sc", "query", "TermService");
  }

  @Test
  void anOutputFitsASourceOfTheSameCommandWhoseWordsCoverWhatItTells() {
    assertThat(CommandWords.fits(List.of("sc", "query", "termservice"), "sc query TermService")).isTrue();
    assertThat(CommandWords.fits(List.of("sc", "query", "keyiso"), "sc query TermService")).isFalse();
    assertThat(CommandWords.fits(List.of("qwinsta"), "query session")).isTrue();
    assertThat(CommandWords.fits(List.of("test-netconnection", "-port"), "Test-NetConnection HOST -Port 3389")).isTrue();
    assertThat(CommandWords.fits(List.of("test-netconnection", "-port"), "Test-NetConnection HOST -TraceRoute"))
        .as("a placeholder stands for a value, not an option").isFalse();
  }

  @Test
  void aPlaceholderInAPathStandsForTheFileItNames() {
    String keyFile = "icacls C:\\ProgramData\\Microsoft\\Crypto\\RSA\\MachineKeys\\KEY_FILE";
    String folder = "icacls C:\\ProgramData\\Microsoft\\Crypto\\RSA\\MachineKeys";
    List<String> ofFile = List.of("icacls", "c:\\programdata\\microsoft\\crypto\\rsa\\machinekeys\\f686aace_c5d2");
    List<String> ofFolder = List.of("icacls", "c:\\programdata\\microsoft\\crypto\\rsa\\machinekeys");
    assertThat(CommandWords.fits(ofFile, keyFile)).isTrue();
    assertThat(CommandWords.fits(ofFile, folder)).isFalse();
    assertThat(CommandWords.fits(ofFolder, folder)).isTrue();
    assertThat(CommandWords.fits(ofFolder, keyFile)).isFalse();
  }
}
