package dev.rdpdoctor.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import picocli.CommandLine;

/** Writes an output file whole or not at all, and never replaces one unless told to. */
final class OutputFile {

  private OutputFile() {}

  static void write(CommandLine cli, Path target, String content, boolean replace) {
    if (Files.exists(target) && !replace) {
      throw new CommandLine.ParameterException(cli, target + " exists; add --force to replace it");
    }
    Path dir = target.toAbsolutePath().getParent();
    try {
      Files.createDirectories(dir);
      Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
      try {
        Files.writeString(temp, content, StandardCharsets.UTF_8);
        try {
          Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new CommandLine.ParameterException(cli, "cannot write " + target + ": " + e.getMessage());
    }
  }
}
