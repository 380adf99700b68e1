package dev.rdpdoctor.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import picocli.CommandLine;

/**
 * Writes an output file whole or not at all, and never replaces one unless told to. The content
 * goes to a temporary file beside the target, is flushed to disk, then takes the target's name in
 * one step: a hard link when nothing may be replaced (which fails if a file of that name appeared
 * meanwhile), a rename when it may. A reader sees the old file or the new one, never half of one;
 * a symbolic link at the target is replaced, never written through.
 */
final class OutputFile {

  private OutputFile() {}

  static void write(CommandLine cli, Path target, String content, boolean replace) {
    if (!replace && Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      throw exists(cli, target);
    }
    if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
      throw new CommandLine.ParameterException(cli, target + " is a directory; name a file to write");
    }
    Path dir = target.toAbsolutePath().getParent();
    try {
      Files.createDirectories(dir);
      Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
      try {
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
          ByteBuffer bytes = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
          while (bytes.hasRemaining()) {
            out.write(bytes);
          }
          out.force(true);
        }
        place(temp, target, replace);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (FileAlreadyExistsException e) {
      throw exists(cli, target);
    } catch (IOException e) {
      throw new CommandLine.ParameterException(cli, "cannot write " + target + ": " + e.getMessage());
    }
  }

  /** Gives the written temporary file the target's name, in one step. */
  static void place(Path temp, Path target, boolean replace) throws IOException {
    if (replace) {
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      return;
    }
    try {
      Files.createLink(target, temp);
    } catch (FileAlreadyExistsException e) {
      throw e;
    } catch (UnsupportedOperationException | IOException e) {
      // a file system without hard links: a move that refuses an existing target
      Files.move(temp, target);
    }
  }

  private static CommandLine.ParameterException exists(CommandLine cli, Path target) {
    return new CommandLine.ParameterException(cli, target + " exists; add --force to replace it");
  }
}
