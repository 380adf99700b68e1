package dev.rdpdoctor.evidence;

import dev.rdpdoctor.problem.InputError;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The files of the evidence given: a file as it is, the files of a folder (and of the folders in
 * it, to a depth), or the entries of a zip, each held only while it is read. Every file is read
 * within the limits: its size, and the total, are checked before and while it is read, so a zip
 * entry that claims to be small and expands without end is stopped at the limit. Nothing is
 * written anywhere: a zip entry's name is only a name, and one that would lead outside the zip
 * ({@code ../}, {@code /etc}, {@code C:\}) is refused as a zip tool would be tricked by it.
 */
final class EvidenceFiles {

  /** What is done with each file found. */
  interface Visitor {
    /**
     * @param name the file's name within the evidence ({@code RDP-Tcp.reg}, {@code host/System.xml})
     * @param location where it is, for a located error ({@code evidence/RDP-Tcp.reg}, {@code host.zip!/System.xml})
     */
    void file(String name, String location, byte[] content);

    void skipped(String name, String why);

    void error(InputError error);
  }

  private static final byte[] ZIP = {'P', 'K', 3, 4};
  private static final byte[] EMPTY_ZIP = {'P', 'K', 5, 6};

  private final EvidenceLimits limits;
  private long total;
  private int files;
  private boolean stopped;

  EvidenceFiles(EvidenceLimits limits) {
    this.limits = limits;
  }

  /**
   * The files given in memory (a page's upload, an API request): each a file as it is, or a zip
   * whose entries are read as a zip given on the command line is. Their names are only names:
   * nothing is written under them, and a zip is held in a temporary file of its own while it is read.
   */
  void visit(List<EvidenceReader.Given> given, Visitor visitor) {
    if (given.isEmpty()) {
      visitor.error(InputError.error("evidence", 1, 1, "no file given"));
      return;
    }
    for (EvidenceReader.Given g : given) {
      String name = g.name().isBlank() ? "evidence" : g.name().replace('\\', '/');
      if (name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
        visitor.error(InputError.error("evidence", 1, 1, "a file whose name holds a control character: refused"));
        continue;
      }
      if (!count(visitor, name)) {
        return;
      }
      byte[] content = g.content();
      if (startsWith(content, ZIP) || startsWith(content, EMPTY_ZIP)) {
        given(name, content, visitor);
      } else if (content.length > limits.maxFileBytes()) {
        visitor.error(InputError.error(name, 1, 1, "larger than " + EvidenceLimits.describe(limits.maxFileBytes())
            + " (" + content.length + " bytes): not read; export less (a day of events, one key)"));
      } else {
        try {
          byte[] held = bounded(new java.io.ByteArrayInputStream(content), name, visitor);
          if (held != null) {
            visitor.file(name, name, held);
          }
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
      if (stopped) {
        return;
      }
    }
  }

  /** A zip given in memory, read from a temporary file that only this process can read, removed after. */
  private void given(String name, byte[] content, Visitor visitor) {
    if (content.length > limits.maxTotalBytes()) {
      visitor.error(InputError.error(name, 1, 1, "a zip larger than " + EvidenceLimits.describe(limits.maxTotalBytes())
          + ": not read"));
      return;
    }
    Path held = null;
    try {
      held = Files.createTempFile("rdp-doctor-evidence-", ".zip");
      Files.write(held, content);
      zip(held, name, visitor);
    } catch (IOException e) {
      visitor.error(InputError.error(name, 1, 1, "cannot hold the zip to read it: " + reason(e)));
    } finally {
      if (held != null) {
        try {
          Files.deleteIfExists(held);
        } catch (IOException e) {
          held.toFile().deleteOnExit();
        }
      }
    }
  }

  /** Whether {@code content} starts with {@code magic} (a zip's, an .evtx log's). */
  static boolean startsWith(byte[] content, byte[] magic) {
    return content.length >= magic.length && java.util.Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
  }

  void visit(Path path, Visitor visitor) {
    String shown = path.toString();
    if (Files.isDirectory(path)) {
      folder(path, visitor);
    } else if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS) && !Files.exists(path)) {
      visitor.error(InputError.error(shown, 1, 1, "no such file or folder"));
    } else if (!Files.isRegularFile(path)) {
      visitor.error(InputError.error(shown, 1, 1, "not a file or a folder"));
    } else if (startsWith(path, ZIP) || startsWith(path, EMPTY_ZIP)) {
      zip(path, shown, visitor);
    } else {
      String name = path.getFileName() == null ? shown : path.getFileName().toString();
      regular(path, name, shown, visitor);
    }
  }

  private static boolean startsWith(Path file, byte[] magic) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(magic.length);
      return java.util.Arrays.equals(head, magic);
    } catch (IOException e) {
      return false;
    }
  }

  private void folder(Path root, Visitor visitor) {
    List<Path> found = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root, limits.maxFolderDepth() + 1, new FileVisitOption[0])) {
      walk.filter(p -> !p.equals(root)).limit(limits.maxFiles() * 4L + 1).forEach(found::add);
    } catch (IOException | java.io.UncheckedIOException e) {
      visitor.error(InputError.error(root.toString(), 1, 1, "cannot read the folder: " + reason(e)));
      return;
    }
    if (found.size() > limits.maxFiles() * 4L) {
      visitor.error(InputError.error(root.toString(), 1, 1, "more than " + limits.maxFiles() * 4L
          + " files and folders in the evidence: not read; give the folder of one collection"));
      return;
    }
    Collections.sort(found);
    boolean any = false;
    for (Path p : found) {
      String name = root.relativize(p).toString().replace('\\', '/');
      if (Files.isSymbolicLink(p)) {
        visitor.skipped(name, "a link, not followed");
      } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
        if (root.relativize(p).getNameCount() > limits.maxFolderDepth()) {
          visitor.skipped(name + "/", "deeper than " + limits.maxFolderDepth() + " folders in the evidence: not looked into");
        }
      } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
        any = true;
        if (!count(visitor, p.toString())) {
          return;
        }
        if (startsWith(p, ZIP)) {
          visitor.skipped(name, "a zip inside the evidence is not opened: give it on its own");
          continue;
        }
        regular(p, name, p.toString(), visitor);
        if (stopped) {
          return;
        }
      } else {
        visitor.skipped(name, "not a regular file");
      }
    }
    if (!any) {
      visitor.error(InputError.error(root.toString(), 1, 1, "the folder holds no file to read"));
    }
  }

  /** Counts one more file; false, with the error said, past the limit. */
  private boolean count(Visitor visitor, String location) {
    if (++files > limits.maxFiles()) {
      visitor.error(InputError.error(location, 1, 1, "more than " + limits.maxFiles()
          + " files in the evidence: this one and the rest are not read"));
      stopped = true;
      return false;
    }
    return true;
  }

  private void regular(Path file, String name, String location, Visitor visitor) {
    try {
      long size = Files.size(file);
      if (size > limits.maxFileBytes()) {
        visitor.error(InputError.error(location, 1, 1, "larger than " + EvidenceLimits.describe(limits.maxFileBytes())
            + " (" + size + " bytes): not read; export less (a day of events, one key)"));
        return;
      }
      try (InputStream in = Files.newInputStream(file)) {
        byte[] content = bounded(in, location, visitor);
        if (content != null) {
          visitor.file(name, location, content);
        }
      }
    } catch (IOException e) {
      visitor.error(InputError.error(location, 1, 1, "cannot read the file: " + reason(e)));
    }
  }

  /** At most the file limit, and what is left of the total, read; null, with the error said, past either. */
  private byte[] bounded(InputStream in, String location, Visitor visitor) throws IOException {
    long room = Math.min(limits.maxFileBytes(), limits.maxTotalBytes() - total);
    byte[] content = in.readNBytes((int) Math.min(room + 1, Integer.MAX_VALUE - 8));
    if (content.length > room) {
      if (room < limits.maxFileBytes()) {
        visitor.error(InputError.error(location, 1, 1, "the evidence is larger than "
            + EvidenceLimits.describe(limits.maxTotalBytes()) + " in all: this file and the rest are not read"));
        stopped = true;
      } else {
        visitor.error(InputError.error(location, 1, 1, "larger than " + EvidenceLimits.describe(limits.maxFileBytes())
            + ": not read; export less (a day of events, one key)"));
      }
      return null;
    }
    total += content.length;
    return content;
  }

  /** @param shown the zip's name in errors: its path, or the name it was given under */
  private void zip(Path path, String shown, Visitor visitor) {
    try {
      if (Files.size(path) > limits.maxTotalBytes()) {
        visitor.error(InputError.error(shown, 1, 1, "a zip larger than " + EvidenceLimits.describe(limits.maxTotalBytes())
            + ": not read"));
        return;
      }
    } catch (IOException e) {
      visitor.error(InputError.error(shown, 1, 1, "cannot read the zip: " + reason(e)));
      return;
    }
    try (ZipFile zip = new ZipFile(path.toFile())) {
      List<ZipEntry> entries = new ArrayList<>();
      Enumeration<? extends ZipEntry> all = zip.entries();
      while (all.hasMoreElements()) {
        if (entries.size() > limits.maxFiles()) {
          break;
        }
        entries.add(all.nextElement());
      }
      boolean any = false;
      for (ZipEntry entry : entries) {
        String name = entry.getName();
        String location = shown + "!/" + name;
        if (entry.isDirectory()) {
          continue;
        }
        any = true;
        if (!count(visitor, location)) {
          return;
        }
        String refused = refusedName(name);
        if (refused != null) {
          visitor.error(InputError.error(location, 1, 1, refused));
          continue;
        }
        if (name.chars().filter(c -> c == '/').count() > limits.maxFolderDepth()) {
          visitor.skipped(name, "deeper than " + limits.maxFolderDepth() + " folders in the zip: not read");
          continue;
        }
        if (name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
          visitor.skipped(name, "a zip inside the evidence is not opened: give it on its own");
          continue;
        }
        entry(zip, entry, name, location, visitor);
        if (stopped) {
          return;
        }
      }
      if (!any) {
        visitor.error(InputError.error(shown, 1, 1, "the zip holds no file to read"));
      }
    } catch (ZipException e) {
      visitor.error(InputError.error(shown, 1, 1, "not a zip that can be read: " + reason(e)));
    } catch (IOException e) {
      visitor.error(InputError.error(shown, 1, 1, "cannot read the zip: " + reason(e)));
    }
  }

  private void entry(ZipFile zip, ZipEntry entry, String name, String location, Visitor visitor) {
    if (entry.getSize() > limits.maxFileBytes()) {
      visitor.error(InputError.error(location, 1, 1, "expands to " + entry.getSize() + " bytes, larger than "
          + EvidenceLimits.describe(limits.maxFileBytes()) + ": not read"));
      return;
    }
    try (InputStream in = zip.getInputStream(entry)) {
      byte[] content = bounded(in, location, visitor);
      if (content == null) {
        return;
      }
      long compressed = entry.getCompressedSize();
      if (content.length > (1 << 20) && compressed >= 0 && content.length > compressed * limits.maxZipRatio()) {
        visitor.error(InputError.error(location, 1, 1, "expands " + content.length / Math.max(1, compressed)
            + " times its compressed size, more than the " + limits.maxZipRatio() + " an export does: not read (a zip bomb?)"));
        return;
      }
      visitor.file(name, location, content);
    } catch (ZipException e) {
      visitor.error(InputError.error(location, 1, 1, "a zip entry that cannot be read: " + reason(e)));
    } catch (IOException e) {
      visitor.error(InputError.error(location, 1, 1, "cannot read the zip entry: " + reason(e)));
    }
  }

  /** Why a zip entry's name is refused; null when it is a plain relative name. */
  static String refusedName(String name) {
    String n = name.replace('\\', '/');
    if (n.startsWith("/") || n.matches("(?s)[A-Za-z]:.*")) {
      return "an entry named with an absolute path: refused (a zip that names files outside itself is not evidence)";
    }
    for (String part : n.split("/")) {
      if (part.equals("..")) {
        return "an entry named with '..' (path traversal): refused (a zip that names files outside itself is not evidence)";
      }
    }
    if (n.chars().anyMatch(c -> c < 0x20)) {
      return "an entry whose name holds a control character: refused";
    }
    return null;
  }

  private static String reason(Exception e) {
    Throwable t = e instanceof java.io.UncheckedIOException u ? u.getCause() : e;
    if (t instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (t instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
      return fs.getReason();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}
