package dev.rdpdoctor.casefile;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rdpdoctor.yaml.YamlMapper;

/**
 * The records of a symptom file as the tree of keys a user writes, for {@link CaseFileWriter}
 * given records. It goes with the records (docs/vocabulary-design.md, section 6).
 */
final class SymptomRecords {

  private static final ObjectMapper MAPPER = YamlMapper.yaml();

  private SymptomRecords() {}

  /** The file as a tree of the keys a user writes, unknown values and an empty event list left out. */
  static ObjectNode tree(SymptomFile file) {
    ObjectNode node = MAPPER.valueToTree(file);
    if (file.events().isEmpty()) {
      node.remove("events");
    }
    return node;
  }
}
