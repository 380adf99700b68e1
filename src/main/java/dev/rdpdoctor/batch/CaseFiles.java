package dev.rdpdoctor.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

/** Symptom files: those named, and the {@code *.yaml} files directly in the folders named, by name. */
public final class CaseFiles implements CaseSource {

  private final List<Path> files;
  private int next;

  public CaseFiles(List<Path> paths) {
    List<Path> out = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> in = Files.list(p)) {
          in.filter(f -> f.getFileName().toString().endsWith(".yaml") && Files.isRegularFile(f))
              .sorted().forEach(out::add);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      } else {
        out.add(p);
      }
    }
    this.files = List.copyOf(out);
  }

  @Override
  public List<BatchItem> next(int max) {
    List<BatchItem> chunk = new ArrayList<>();
    while (next < files.size() && chunk.size() < max) {
      chunk.add(new BatchItem.CaseFile(next, files.get(next)));
      next++;
    }
    return chunk;
  }

  @Override
  public OptionalLong size() {
    return OptionalLong.of(files.size());
  }
}
