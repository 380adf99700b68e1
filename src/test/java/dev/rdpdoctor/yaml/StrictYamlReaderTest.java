package dev.rdpdoctor.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rdpdoctor.problem.InputError;
import dev.rdpdoctor.problem.InvalidInputException;
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

  @Test
  void aFileTooLargeIsRefusedBeforeItIsParsed(@TempDir Path dir) throws Exception {
    ReadLimits small = new ReadLimits("a test file", 64, 16, 100, 20, 10);
    StrictYamlReader strict = new StrictYamlReader(small);
    Path file = Files.writeString(dir.resolve("big.yaml"), "names:\n" + "  - a\n".repeat(20));
    assertThat(errorOf(() -> strict.read(file, Settings.class)).format()).isEqualTo(file
        + ":1:1: error: the file is larger than 64 bytes, the most a test file may be; is it the right file?");
    assertThat(errorOf(() -> strict.read("t.yaml", new byte[65], Settings.class)).message()).startsWith("the file is larger");
  }

  @Test
  void aFileThatNeverEndsCostsNoMoreThanTheLimit() {
    Path zero = Path.of("/dev/zero");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(zero), "needs /dev/zero");
    long start = System.nanoTime();
    assertThat(errorOf(() -> reader.read(zero, Settings.class)).message()).startsWith("the file is larger than 256 KiB");
    assertThat(System.nanoTime() - start).isLessThan(5_000_000_000L);
  }

  @Test
  void aFileThatCannotBeReadIsInvalidInput(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("s.yaml"), "port: 1\n");
    // a path that goes through a file, which no user (root included) can read
    InputError through = errorOf(() -> reader.read(file.resolve("inner.yaml"), Settings.class));
    assertThat(through.format()).isEqualTo(file.resolve("inner.yaml") + ":1:1: error: cannot read the file: Not a directory");
  }

  @Test
  void aFileWithoutReadPermissionIsInvalidInput(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("s.yaml"), "port: 1\n");
    Files.setPosixFilePermissions(file, java.util.Set.of());
    if (Files.isReadable(file)) {
      // root reads any file, so there it is read like any other; the test above covers an unreadable path for all
      assertThat(reader.read(file, Settings.class).value()).isNotNull();
    } else {
      assertThat(errorOf(() -> reader.read(file, Settings.class)).message()).isEqualTo("cannot read the file: permission denied");
    }
  }

  @Test
  void deepNestingIsRefusedWhereItPassesTheLimit() {
    InputError e = errorOf(() -> read("names: " + "[".repeat(5000) + "]".repeat(5000)));
    assertThat(e.format()).isEqualTo("t.yaml:1:23: error: sections and lists are nested 17 deep here; at most 16 levels are allowed");
  }

  @Test
  void longValuesAndKeysAreRefused() {
    assertThat(errorOf(() -> read("names: [" + "x".repeat(20_001) + "]")).format())
        .isEqualTo("t.yaml:1:9: error: a value of 20,001 characters; a value may have at most 20,000 (keep the lines that matter)");
    assertThat(read("names: [" + "x".repeat(20_000) + "]").value().names().get(0)).hasSize(20_000);
    assertThat(errorOf(() -> read("k".repeat(101) + ": 1")).message()).isEqualTo("a key of 101 characters; a key may have at most 100");
  }

  @Test
  void longListsAreRefusedAtTheFirstItemTooMany() {
    assertThat(read("names: [" + "a, ".repeat(255) + "a]").value().names()).hasSize(256);
    assertThat(errorOf(() -> read("names:\n" + "  - a\n".repeat(300))).format())
        .isEqualTo("t.yaml:258:5: error: a list of more than 256 items; a list may have at most 256 (state each event or name once)");
  }

  @Test
  void aliasesNeverExpand() {
    StringBuilder laughs = new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (char c = 'b'; c <= 'j'; c++) {
      laughs.append(c).append(": &").append(c).append(" [").append(("*" + (char) (c - 1) + ", ").repeat(9))
          .append('*').append((char) (c - 1)).append("]\n");
    }
    long start = System.nanoTime();
    assertThat(errorOf(() -> read(laughs.toString())).format()).isEqualTo("t.yaml:1:4: error: an anchor (&a) names a value "
        + "for aliases to repeat; anchors and aliases are not allowed here: write each value out");
    assertThat(errorOf(() -> read("port: &p 1\nnames: [*p]")).message()).startsWith("an alias (*p) repeats an anchored value");
    assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
  }

  @Test
  void tagsAreRefused() {
    assertThat(errorOf(() -> read("names: [!!java.net.URL 'http://127.0.0.1:1/']")).format())
        .isEqualTo("t.yaml:1:9: error: a YAML tag (!!java.net.URL) asks for a type; tags are not allowed here: write the plain value");
    assertThat(errorOf(() -> read("port: !!int 1")).message()).startsWith("a YAML tag (!!int)");
    assertThat(errorOf(() -> read("names: !local [a]")).message()).startsWith("a YAML tag (!local)");
  }

  @Test
  void aTabThatIndentsIsLocatedAndExplained() {
    assertThat(errorOf(() -> read("enabled: true\n\tport: 1\n")).format())
        .isEqualTo("t.yaml:2:1: error: a tab indents this line; YAML indents with spaces only: replace the tab with spaces");
  }

  record Server(String name, Settings settings, List<Settings> more) {}

  @Test
  void everyProblemOfADocumentIsReportedInTheOrderOfTheFile() {
    try {
      reader.read("t.yaml", """
          name: [a, b]
          settings:
            enabled: maybe
            port: 0x
            colour: red
          more:
            - {enabled: true, port: 1}
            - {names: {a: b}}
          owner: me
          """.getBytes(StandardCharsets.UTF_8), Server.class);
      throw new AssertionError("expected the document to be refused");
    } catch (InvalidInputException e) {
      assertThat(e.errors()).extracting(InputError::format).containsExactly(
          "t.yaml:1:7: error: name: expected text, got a list",
          "t.yaml:3:12: error: settings.enabled: expected true or false, got 'maybe'",
          "t.yaml:4:9: error: settings.port: expected a whole number, got '0x'",
          "t.yaml:5:3: error: unknown key 'colour' in 'settings'; allowed keys: enabled, names, port",
          "t.yaml:8:13: error: more[1].names[0]: expected text, got a section (key: value lines)",
          "t.yaml:9:1: error: unknown key 'owner' in the top level; allowed keys: more, name, settings");
    }
  }

  @Test
  void jsonIsReadAsTheSameSchema() {
    assertThat(read("{\"enabled\": true, \"port\": 3389, \"names\": [\"a\", \"b\"]}").value())
        .isEqualTo(read("enabled: true\nport: 3389\nnames: [a, b]\n").value());
    assertThat(errorOf(() -> read("{\"enabled\": true,\n \"prot\": 3389}")).format()).startsWith("t.yaml:2:2: error: unknown key 'prot'");
  }
}
