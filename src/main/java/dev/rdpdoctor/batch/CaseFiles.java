package dev.rdpdoctor.batch;

import dev.rdpdoctor.casefile.CaseFolders;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** Symptom files: those named, and the {@code *.yaml} files directly in the folders named, by name. */
public final class CaseFiles implements CaseSource {

  private final List<Path> files;
  private int next;

  public CaseFiles(List<Path> paths) {
    this.files = List.copyOf(CaseFolders.expand(paths));
  }

  /** The files are read by the workers, so the reader holds no bytes of theirs: {@code maxBytes} does not apply. */
  @Override
  public List<BatchItem> next(int max, long maxBytes) {
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
