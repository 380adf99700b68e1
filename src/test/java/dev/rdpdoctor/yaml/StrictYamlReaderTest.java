package dev.rdpdoctor.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StrictYamlReaderTest {

  record Settings(Boolean enabled, Long port, List<String> names) {}

  private final StrictYamlReader reader = new StrictYamlReader();

  private static InputError errorOf(Runnable r) {
    try {
      r.run();
    } catch (InvalidInputException e) {
      assertThat(e.errors()).hasSize(1);
      return e.errors().get(0);
    }
    throw new AssertionError("expected invalid input");
  }

  private YamlDocument<Settings> read(String yaml) {
    return reader.read("t.yaml", yaml.getBytes(StandardCharsets.UTF_8), Settings.class);
  }

  @Test
  void readsSnakeCaseKeysIntoARecord() {
    Settings s = read("enabled: yes\nport: 3389\nnames: [a, b]\n").value();
    assertThat(s).isEqualTo(new Settings(true, 3389L, List.of("a", "b")));
  }

  @Test
  void aSingleValueIsAListOfOne() {
    assertThat(read("names: a\n").value().names()).containsExactly("a");
  }

  @Test
  void mapsEveryValueToWhereItWasWritten() {
    SourceMap map = read("enabled: true\nnames:\n  - one\n  - two\n").sourceMap();
    assertThat(map.find("enabled")).contains(new Located("enabled", 1, 10, "true"));
    assertThat(map.find("names[1]")).contains(new Located("names[1]", 4, 5, "two"));
    assertThat(map.key("names")).map(Located::line).contains(2);
    assertThat(map.nearest("names[1].x")).map(Located::text).contains("two");
  }

  @Test
  void aZeroByteFileIsEmpty() {
    InputError e = errorOf(() -> read(""));
    assertThat(e.format()).isEqualTo("t.yaml:1:1: error: the file is empty: it states nothing to read");
  }

  @Test
  void bytesThatAreNotUtf8AreLocated() {
    byte[] latin1 = "enabled: true\nname: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
    InputError e = errorOf(() -> reader.read("t.yaml", latin1, Settings.class));
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.column()).isEqualTo(10);
    assertThat(e.message()).contains("not UTF-8");
  }

  @Test
  void aByteOrderMarkIsIgnored() {
    byte[] bom = "\uFEFFport: 1\n".getBytes(StandardCharsets.UTF_8);
    assertThat(reader.read("t.yaml", bom, Settings.class).value().port()).isEqualTo(1L);
  }

  @Test
  void aDirectoryOrAMissingFileIsInvalidInput(@TempDir Path dir) {
    assertThat(errorOf(() -> reader.read(dir, Settings.class)).message()).isEqualTo("is a directory, not a YAML file");
    assertThat(errorOf(() -> reader.read(dir.resolve("none.yaml"), Settings.class)).message()).isEqualTo("no such file");
  }

  @Test
  void readsAFileFromDisk(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("s.yaml"), "port: 0x0D3D\n");
    assertThat(reader.read(file, Settings.class).value().port()).isEqualTo(3389L);
  }
}
