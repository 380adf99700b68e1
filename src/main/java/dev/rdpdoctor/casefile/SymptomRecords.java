package dev.rdpdoctor.casefile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rdpdoctor.yaml.YamlMapper;

/**
 * The one crossing between the tree a symptom file is merged and written as and the
 * {@link SymptomFile} records the interpreter still reads. It goes when the case is held as
 * values by path (docs/vocabulary-design.md, section 6).
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

  /** The records of a tree that holds only keys and values a symptom file may. */
  static SymptomFile symptoms(ObjectNode tree) {
    try {
      return MAPPER.treeToValue(tree, SymptomFile.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("merged symptoms do not read back: " + e.getOriginalMessage(), e);
    }
  }
}
