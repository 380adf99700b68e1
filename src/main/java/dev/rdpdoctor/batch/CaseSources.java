package dev.rdpdoctor.batch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** Several sources read one after the other, as one. */
public final class CaseSources implements CaseSource {

  private final List<CaseSource> sources;
  private int current;
  private long index;

  public CaseSources(List<CaseSource> sources) {
    this.sources = List.copyOf(sources);
  }

  @Override
  public List<BatchItem> next(int max, long maxBytes) throws IOException {
    while (current < sources.size()) {
      List<BatchItem> chunk = sources.get(current).next(max, maxBytes);
      if (!chunk.isEmpty()) {
        List<BatchItem> renumbered = new ArrayList<>(chunk.size());
        for (BatchItem item : chunk) {
          renumbered.add(item instanceof BatchItem.JsonLine l
              ? new BatchItem.JsonLine(index++, l.source(), l.line(), l.content())
              : new BatchItem.CaseFile(index++, ((BatchItem.CaseFile) item).path()));
        }
        return renumbered;
      }
      current++;
    }
    return List.of();
  }

  @Override
  public OptionalLong size() {
    long total = 0;
    for (CaseSource s : sources) {
      if (s.size().isEmpty()) {
        return OptionalLong.empty();
      }
      total += s.size().getAsLong();
    }
    return OptionalLong.of(total);
  }
}
