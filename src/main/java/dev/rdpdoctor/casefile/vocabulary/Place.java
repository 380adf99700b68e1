package dev.rdpdoctor.casefile.vocabulary;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A key where it stands in a symptom file: {@code rdp.nla_required}, {@code events[].id},
 * {@code probe.tls.certificate.expired}.
 *
 * @param in the section type that declares the key
 * @param readAs the fact type and field the rules read it as; empty where no rule can
 *     ({@code title}, {@code probe.gateway.error})
 */
public record Place(String path, Key key, SectionType in, Optional<FactField> readAs) {

  /**
   * A field of a fact type: {@code RdpSettings.nlaRequired}, or a field of a section inside
   * the fact, {@code ProbeTls.certificate.expired}.
   */
  public record FactField(String type, String field) {

    @Override
    public String toString() {
      return type + "." + field;
    }
  }

  public Place {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(in, "in");
  }

  /** The path of a written value with its list indexes left out: {@code events[2].id} is {@code events[].id}. */
  public static String pattern(String path) {
    return path.indexOf('[') < 0 ? path : INDEX.matcher(path).replaceAll("[]");
  }

  private static final Pattern INDEX = Pattern.compile("\\[\\d+]");
}
