package dev.rdpdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class OutputFileTest {

  @TempDir Path dir;

  private final CommandLine cli = commandLine();

  private static CommandLine commandLine() {
    PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
    CommandContext context = new CommandContext(InputStream.nullInputStream(), nowhere, new PrintStream(OutputStream.nullOutputStream()),
        nowhere, nowhere, false, false, new KnowledgePreload(message -> { }));
    return new CommandLine(new Main(), new CommandFactory(context));
  }

  private void write(Path target, String content, boolean replace) {
    OutputFile.write(cli, target, content, replace);
  }

  private long filesIn(Path folder) throws Exception {
    try (Stream<Path> files = Files.list(folder)) {
      return files.count();
    }
  }

  @Test
  void writesTheContentWholeAndLeavesNoTemporaryFile() throws Exception {
    Path target = dir.resolve("sub/case.yaml");
    write(target, "title: \u00e9t\u00e9\n", false);
    assertThat(Files.readString(target)).isEqualTo("title: \u00e9t\u00e9\n");
    assertThat(filesIn(target.getParent())).isEqualTo(1);
  }

  @Test
  void anExistingFileIsNeverReplacedWithoutBeingTold() throws Exception {
    Path target = Files.writeString(dir.resolve("case.yaml"), "mine\n");
    assertThatThrownBy(() -> write(target, "theirs\n", false))
        .isInstanceOf(CommandLine.ParameterException.class)
        .hasMessage(target + " exists; add --force to replace it");
    assertThat(Files.readString(target)).isEqualTo("mine\n");
    assertThat(filesIn(dir)).isEqualTo(1);
  }

  @Test
  void aFileThatAppearsAfterTheCheckIsNotReplacedEither() throws Exception {
    // the last step itself refuses an existing name, so a file created between the check and the
    // write survives
    Path temp = Files.writeString(dir.resolve(".case.yaml.tmp"), "theirs\n");
    Path target = Files.writeString(dir.resolve("case.yaml"), "mine\n");
    assertThatThrownBy(() -> OutputFile.place(temp, target, false)).isInstanceOf(FileAlreadyExistsException.class);
    assertThat(Files.readString(target)).isEqualTo("mine\n");
  }

  @Test
  void replacingPutsANewFileInPlaceRatherThanRewritingTheOld() throws Exception {
    Path target = Files.writeString(dir.resolve("case.yaml"), "old\n");
    Path reader = dir.resolve("held-open-by-a-reader");
    Files.createLink(reader, target); // the same file as the target, under another name
    write(target, "new\n", true);
    assertThat(Files.readString(target)).isEqualTo("new\n");
    assertThat(Files.readString(reader)).as("the old file is left whole, not truncated and rewritten").isEqualTo("old\n");
  }

  @Test
  void aSymbolicLinkAtTheTargetIsNotWrittenThrough() throws Exception {
    Path elsewhere = Files.writeString(dir.resolve("elsewhere.txt"), "precious\n");
    Path link = Files.createSymbolicLink(dir.resolve("case.yaml"), elsewhere);
    assertThatThrownBy(() -> write(link, "x\n", false)).hasMessageContaining("exists");
    write(link, "x\n", true);
    assertThat(Files.isSymbolicLink(link)).isFalse();
    assertThat(Files.readString(elsewhere)).isEqualTo("precious\n");

    Path dangling = Files.createSymbolicLink(dir.resolve("dangling.yaml"), dir.resolve("nowhere/x"));
    assertThatThrownBy(() -> write(dangling, "x\n", false)).hasMessageContaining("exists");
  }

  @Test
  void aDirectoryIsNotAFileToWrite() throws Exception {
    Path folder = Files.createDirectory(dir.resolve("out"));
    assertThatThrownBy(() -> write(folder, "x\n", true)).hasMessage(folder + " is a directory; name a file to write");
    assertThat(filesIn(folder)).isZero();
  }

  /**
   * Files that are the tool's own, never the user's: the cache of compiled rules (written whole
   * to a temporary file and renamed, in its own folder), what the build writes next to the classes,
   * serve's case store (each case written whole to a temporary file in the store and renamed; the
   * store names its files itself and keeps them to its folder), and a zip of evidence given in
   * memory, held in a temporary file of its own (named by the JDK, never by the request) while it is
   * read, and removed.
   */
  private static final List<Path> OWN_FILES = List.of(
      Path.of("knowledge/load/KnowledgeCache.java"), Path.of("knowledge/load/Precompiler.java"),
      Path.of("serve/CaseStore.java"), Path.of("evidence/EvidenceFiles.java"));

  /** Standard output opened by its descriptor (to learn why a write failed) is not a file the tool writes. */
  @Test
  void everyFileTheToolWritesGoesThroughOutputFile() throws Exception {
    java.util.regex.Pattern writes = java.util.regex.Pattern.compile(
        "Files\\.(write|writeString|newOutputStream|newBufferedWriter|copy|move|createFile)\\("
            + "|new (FileOutputStream\\((?!FileDescriptor\\.)|FileWriter|RandomAccessFile|PrintWriter\\(new File)");
    try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
      assertThat(sources.filter(p -> p.toString().endsWith(".java"))
          .filter(p -> !p.endsWith(Path.of("cli/OutputFile.java")))
          .filter(p -> OWN_FILES.stream().noneMatch(p::endsWith))
          .filter(p -> writes.matcher(read(p)).find()))
          .as("classes that write files without OutputFile").isEmpty();
    }
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
