package dev.rdpdoctor.casefile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.rdpdoctor.yaml.YamlMapper;
import java.io.UncheckedIOException;

/**
 * Writes a symptom file, given as a tree of the keys and spellings a user writes (as the probe
 * writes one), as YAML that {@link CaseFileReader} reads back to the same values: numbers,
 * booleans and dates that are text stay text.
 */
public final class CaseFileWriter {

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
}
