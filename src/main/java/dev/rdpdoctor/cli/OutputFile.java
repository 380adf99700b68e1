package dev.rdpdoctor.cli;

import dev.rdpdoctor.problem.ControlCharacters;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
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

  /**
   * An output file that could not be written for a reason of the file system (a folder that
   * cannot be written or made, a full disk): not a usage error, exit code {@link ExitCode#OUTPUT}.
   */
  static final class CannotWrite extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CannotWrite(String message, IOException cause) {
      super(message, cause);
    }
  }

  static void write(CommandLine cli, Path target, String content, boolean replace) {
    if (!replace && Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      throw exists(cli, target);
    }
    if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
      throw new CommandLine.ParameterException(cli,
          ControlCharacters.name(target.toString()) + " is a directory; name a file to write");
    }
    Path dir = target.toAbsolutePath().getParent();
    Path temp;
    try {
      Files.createDirectories(dir);
      temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
    } catch (IOException e) {
      throw cannotWrite(target, e);
    }
    try {
      try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ByteBuffer bytes = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
          out.write(bytes);
        }
        out.force(true);
      }
      place(temp, target, replace);
    } catch (FileAlreadyExistsException e) {
      throw exists(cli, target);
    } catch (IOException e) {
      throw cannotWrite(target, e);
    } finally {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException e) {
        // left behind, named as a hidden temporary file beside the target; the error said is the write's
      }
    }
  }

  private static CannotWrite cannotWrite(Path target, IOException e) {
    return new CannotWrite("cannot write " + ControlCharacters.name(target.toString()) + ": " + reason(e), e);
  }

  /** What went wrong, in words: the system's reason without the file names an exception repeats. */
  private static String reason(IOException e) {
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason();
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or folder";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileAlreadyExistsException fs) { // made a folder on the way: a file of its name is there
      return ControlCharacters.name(fs.getFile()) + " is not a folder";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
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
    return new CommandLine.ParameterException(cli,
        ControlCharacters.name(target.toString()) + " exists; add --force to replace it");
  }
}
