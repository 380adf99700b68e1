package dev.rdpdoctor.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rdpdoctor.problem.InputError;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files of the evidence given, within the limits, whatever the folder or zip holds. */
class EvidenceFilesTest {

  private static final EvidenceLimits SMALL = new EvidenceLimits(64 * 1024, 256 * 1024, 20, 2, 50, 32, 32, 1 << 20, 2_000, 20);

  /** What the files visitor was given. */
  private static final class Seen implements EvidenceFiles.Visitor {
    final List<String> files = new ArrayList<>();
    final List<String> skipped = new ArrayList<>();
    final List<String> errors = new ArrayList<>();

    @Override
    public void file(String name, String location, byte[] content) {
      files.add(name + " (" + content.length + ")");
    }

    @Override
    public void skipped(String name, String why) {
      skipped.add(name + ": " + why);
    }

    @Override
    public void error(InputError error) {
      errors.add(error.format());
    }
  }

  private static Seen visit(Path path, EvidenceLimits limits) {
    Seen seen = new Seen();
    new EvidenceFiles(limits).visit(path, seen);
    return seen;
  }

  private static Path zip(Path file, Object... namesAndContents) throws IOException {
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
      for (int i = 0; i < namesAndContents.length; i += 2) {
        out.putNextEntry(new ZipEntry((String) namesAndContents[i]));
        Object content = namesAndContents[i + 1];
        if (content instanceof Long zeros) {
          byte[] block = new byte[64 * 1024];
          for (long left = zeros; left > 0; left -= block.length) {
            out.write(block, 0, (int) Math.min(block.length, left));
          }
        } else {
          out.write(((String) content).getBytes(StandardCharsets.UTF_8));
        }
        out.closeEntry();
      }
    }
    return file;
  }

  private static Seen visit(EvidenceLimits limits, EvidenceReader.Given... given) {
    Seen seen = new Seen();
    new EvidenceFiles(limits).visit(List.of(given), seen);
    return seen;
  }

  @Test
  void filesGivenInMemoryAreReadByTheirNamesAndAZipAmongThemAsAZipOnDiskIs(@TempDir Path dir) throws IOException {
    byte[] zip = Files.readAllBytes(zip(dir.resolve("e.zip"), "host/RDP-Tcp.reg", "reg", "../../etc/passwd", "x"));
    Seen seen = visit(SMALL, new EvidenceReader.Given("notes/b.txt", "b".getBytes(StandardCharsets.UTF_8)),
        new EvidenceReader.Given("host.zip", zip));
    assertThat(seen.files).containsExactly("notes/b.txt (1)", "host/RDP-Tcp.reg (3)");
    assertThat(seen.errors).singleElement().asString().startsWith("host.zip!/../../etc/passwd:1:1: error: an entry named with '..'");
    try (var left = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      assertThat(left.map(p -> p.getFileName().toString())).as("the zip's temporary file is gone")
          .noneMatch(n -> n.startsWith("rdp-doctor-evidence-"));
    }
  }

  @Test
  void filesGivenInMemoryKeepTheLimitsOfAFileTheTotalAndTheirNumber() {
    byte[] big = new byte[64 * 1024 + 1];
    Seen oneTooLarge = visit(SMALL, new EvidenceReader.Given("big.xml", big), new EvidenceReader.Given("ok.txt", new byte[] {'o'}));
    assertThat(oneTooLarge.errors).containsExactly("big.xml:1:1: error: larger than 64 KiB (65537 bytes): not read;"
        + " export less (a day of events, one key)");
    assertThat(oneTooLarge.files).containsExactly("ok.txt (1)");

    EvidenceReader.Given[] many = new EvidenceReader.Given[25];
    for (int i = 0; i < many.length; i++) {
      many[i] = new EvidenceReader.Given("f" + i + ".txt", new byte[60 * 1024]);
    }
    Seen overTotal = visit(SMALL, many);
    assertThat(overTotal.files).hasSize(4);
    assertThat(overTotal.errors).singleElement().asString().contains("f4.txt:1:1: error: the evidence is larger than 256 KiB in all");
    assertThat(visit(SMALL).errors).containsExactly("evidence:1:1: error: no file given");
    assertThat(visit(SMALL, new EvidenceReader.Given("a\u001b[2Jb.txt", new byte[] {'x'})).errors)
        .containsExactly("evidence:1:1: error: a file whose name holds a control character: refused");
  }

  @Test
  void aFolderIsReadFileByFileByNameWithTheFoldersInIt(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("b.txt"), "b");
    Files.createDirectories(dir.resolve("a"));
    Files.writeString(dir.resolve("a/x.reg"), "xx");
    Seen seen = visit(dir, SMALL);
    assertThat(seen.files).containsExactly("a/x.reg (2)", "b.txt (1)");
    assertThat(seen.errors).isEmpty();
  }

  @Test
  void aZipIsReadEntryByEntryAndOneInsideItIsSkipped(@TempDir Path dir) throws IOException {
    Path zip = zip(dir.resolve("e.zip"), "host/RDP-Tcp.reg", "reg", "inner.zip", "PK");
    Seen seen = visit(zip, SMALL);
    assertThat(seen.files).containsExactly("host/RDP-Tcp.reg (3)");
    assertThat(seen.skipped).containsExactly("inner.zip: a zip inside the evidence is not opened: give it on its own");
  }

  @Test
  void aZipBombIsStoppedAtTheLimitOfAFileWithoutBeingExpanded(@TempDir Path dir) throws IOException {
    Path zip = zip(dir.resolve("bomb.zip"), "events.xml", 256L << 20, "ok.txt", "fine");
    assertThat(Files.size(zip)).as("256 MiB of zeros compress to a few hundred kilobytes").isLessThan(1L << 20);
    Seen seen = visit(zip, EvidenceLimits.DEFAULT);
    assertThat(seen.errors).containsExactly(zip + "!/events.xml:1:1: error: expands to 268435456 bytes, larger than 16 MiB: not read");
    assertThat(seen.files).containsExactly("ok.txt (4)");
  }

  @Test
  void anEntryThatClaimsToBeSmallAndExpandsWithoutEndIsStoppedAtTheLimitOfAFile(@TempDir Path dir) throws IOException {
    Path zip = zip(dir.resolve("liar.zip"), "events.xml", 32L << 20);
    byte[] bytes = Files.readAllBytes(zip);
    for (int i = 0; i + 30 < bytes.length; i++) { // the sizes the local and central headers claim: 100 bytes
      if (bytes[i] == 'P' && bytes[i + 1] == 'K' && bytes[i + 2] == 1 && bytes[i + 3] == 2) {
        bytes[i + 24] = 100;
        bytes[i + 25] = bytes[i + 26] = bytes[i + 27] = 0;
      }
    }
    Files.write(zip, bytes);
    Seen seen = visit(zip, EvidenceLimits.DEFAULT);
    assertThat(seen.files).isEmpty();
    assertThat(seen.errors).singleElement().asString().startsWith(zip + "!/events.xml:1:1: error: ");
  }

  @Test
  void anEntryThatExpandsFarBeyondItsCompressedSizeIsRefusedAsABomb(@TempDir Path dir) throws IOException {
    Path zip = zip(dir.resolve("bomb.zip"), "a.xml", 2L << 20);
    Seen seen = visit(zip, new EvidenceLimits(16L << 20, 64L << 20, 20, 2, 200, 32, 32, 1 << 20, 2_000, 20));
    assertThat(seen.errors).singleElement().asString().contains("a.xml:1:1: error: expands ").contains("(a zip bomb?)");
    assertThat(seen.files).isEmpty();
  }

  @Test
  void entriesNamedOutsideTheZipAreRefusedLocatedAndTheRestIsRead(@TempDir Path dir) throws IOException {
    Path zip = zip(dir.resolve("evil.zip"), "../../etc/cron.d/x", "a", "/etc/passwd", "b", "C:\\Windows\\x.reg", "c",
        "ok.reg", "d");
    Seen seen = visit(zip, SMALL);
    assertThat(seen.errors).containsExactly(
        zip + "!/../../etc/cron.d/x:1:1: error: an entry named with '..' (path traversal): refused (a zip that names files"
            + " outside itself is not evidence)",
        zip + "!//etc/passwd:1:1: error: an entry named with an absolute path: refused (a zip that names files outside itself"
            + " is not evidence)",
        zip + "!/C:\\Windows\\x.reg:1:1: error: an entry named with an absolute path: refused (a zip that names files outside"
            + " itself is not evidence)");
    assertThat(seen.files).containsExactly("ok.reg (1)");
  }

  @Test
  void aFileLargerThanTheLimitIsAnErrorAndIsNotRead(@TempDir Path dir) throws IOException {
    Path big = dir.resolve("big.xml");
    try (OutputStream out = Files.newOutputStream(big)) {
      out.write(new byte[64 * 1024 + 1]);
    }
    Seen seen = visit(big, SMALL);
    assertThat(seen.errors).containsExactly(big + ":1:1: error: larger than 64 KiB (65537 bytes): not read;"
        + " export less (a day of events, one key)");
  }

  @Test
  void theEvidenceStopsAtItsTotalAndItsNumberOfFilesSayingWhere(@TempDir Path dir) throws IOException {
    for (int i = 0; i < 6; i++) {
      Files.write(dir.resolve("f" + i), new byte[60 * 1024]);
    }
    Seen seen = visit(dir, SMALL);
    assertThat(seen.files).hasSize(4);
    assertThat(seen.errors).containsExactly(dir.resolve("f4") + ":1:1: error: the evidence is larger than 256 KiB in all:"
        + " this file and the rest are not read");
    Path many = Files.createDirectories(dir.resolve("many"));
    for (int i = 0; i < 25; i++) {
      Files.writeString(many.resolve(String.format("m%02d", i)), "x");
    }
    Seen counted = visit(many, SMALL);
    assertThat(counted.files).hasSize(20);
    assertThat(counted.errors).containsExactly(many.resolve("m20") + ":1:1: error: more than 20 files in the evidence:"
        + " this one and the rest are not read");
  }

  @Test
  void foldersDeeperThanTheLimitAreNotLookedIntoAndLinksAreNotFollowed(@TempDir Path dir) throws IOException {
    Path deep = Files.createDirectories(dir.resolve("a/b/c"));
    Files.writeString(deep.resolve("x.reg"), "x");
    Files.writeString(dir.resolve("a/y.reg"), "y");
    Files.createSymbolicLink(dir.resolve("link"), Path.of("/etc/passwd"));
    Seen seen = visit(dir, SMALL);
    assertThat(seen.files).containsExactly("a/y.reg (1)");
    assertThat(seen.skipped).contains("link: a link, not followed");
  }

  @Test
  void whatIsNotThereOrNotAZipSaysSo(@TempDir Path dir) throws IOException {
    assertThat(visit(dir.resolve("none"), SMALL).errors).containsExactly(dir.resolve("none") + ":1:1: error: no such file or folder");
    Path broken = dir.resolve("broken.zip");
    Files.write(broken, new byte[] {'P', 'K', 3, 4, 0, 0, 1});
    assertThat(visit(broken, SMALL).errors).singleElement().asString().startsWith(broken + ":1:1: error: not a zip that can be read");
    assertThat(visit(Files.createDirectories(dir.resolve("empty")), SMALL).errors)
        .containsExactly(dir.resolve("empty") + ":1:1: error: the folder holds no file to read");
  }
}
