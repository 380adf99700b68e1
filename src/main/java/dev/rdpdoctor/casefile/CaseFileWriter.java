package dev.rdpdoctor.casefile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.rdpdoctor.yaml.YamlMapper;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;

/**
 * Writes a symptom file, given as a tree of the keys and spellings a user writes (as the probe
 * writes one), as YAML that {@link CaseFileReader} reads back to the same values: numbers,
 * booleans and dates that are text stay text.
 */
public final class CaseFileWriter {

  /** What YAML takes for the end of a line. */
  private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n\\u0085\\u2028\\u2029]+");

  private final ObjectMapper yaml = YamlMapper.yaml();

  public CaseFileWriter() {
    if (yaml instanceof YAMLMapper y) {
      y.enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS);
      y.enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR);
    }
  }

  public String write(ObjectNode symptoms) {
    try {
      return yaml.writeValueAsString(symptoms);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A comment line of a symptom file saying {@code text}: its line breaks become spaces, so that
   * nothing it holds (a file's name, a line of an export) is read as YAML.
   */
  public static String comment(String text) {
    return "# " + LINE_BREAKS.matcher(text).replaceAll(" ") + "\n";
  }
}
