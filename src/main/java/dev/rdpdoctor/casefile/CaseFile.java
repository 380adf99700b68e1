package dev.rdpdoctor.casefile;

import dev.rdpdoctor.yaml.SourceMap;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A case ready for the rules: the symptom file's values as read against the vocabulary, with
 * the values worked out from them (certificate expired, gateway name match) and where each
 * value was written. The tool itself reads only the keys every vocabulary must declare (its
 * core keys): the title, the error's codes, the samples' {@code expect:} and the resolved
 * tickets' {@code resolution:}.
 *
 * @param source the file name, as given on the command line
 * @param values the values by key, the worked-out ones, the observed date, where each was written
 * @param conflicts values the user stated that a probe saw differently (the user's are used)
 */
public record CaseFile(String source, CaseValues values, List<Conflict> conflicts) {

  public CaseFile {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(values, "values");
    conflicts = conflicts == null ? List.of() : List.copyOf(conflicts);
  }

  /** The date the symptoms were seen: as written, else the day the case was read. */
  public LocalDate observed() {
    return values.observed();
  }

  public SourceMap sourceMap() {
    return values.sourceMap();
  }

  /** How each worked-out or probed value was obtained, by path. */
  public Map<String, String> derivations() {
    return values.derivations();
  }

  /** The ticket's one-line summary, when written. */
  public Optional<String> title() {
    return values.at("title").map(String.class::cast);
  }

  /** The code of the error dialog ({@code error.code}), when written. */
  public Optional<Long> errorCode() {
    return values.at("error.code").map(Long.class::cast);
  }

  /** The extended code of the error dialog ({@code error.extended}), when written. */
  public Optional<Long> extendedCode() {
    return values.at("error.extended").map(Long.class::cast);
  }

  /** What a sample must produce ({@code expect:}), when it says. */
  public Optional<Expectation> expectation() {
    if (values.at("expect").isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Expectation(text("expect.top"), texts("expect.ranked"), texts("expect.ruled_out"),
        text("expect.first_fix"), texts("expect.cites")));
  }

  /** How the ticket was resolved ({@code resolution:}), when it says. */
  public Optional<Resolution> resolution() {
    if (values.at("resolution").isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Resolution(text("resolution.cause"), Optional.ofNullable(text("resolution.fix")),
        Resolution.CONFIRMED.equals(text("resolution.confirmed")),
        values.at("resolution.date").map(LocalDate.class::cast), Optional.ofNullable(text("resolution.by")),
        Optional.ofNullable(text("resolution.notes"))));
  }

  private String text(String path) {
    return values.at(path).map(String.class::cast).orElse(null);
  }

  private List<String> texts(String path) {
    return values.at(path).map(v -> v instanceof List<?> l ? l.stream().map(String.class::cast).toList()
        : List.of((String) v)).orElse(List.of());
  }
}
