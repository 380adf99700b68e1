package dev.rdpdoctor.knowledge.load;

import dev.rdpdoctor.casefile.vocabulary.Key;
import dev.rdpdoctor.casefile.vocabulary.KeyType;
import dev.rdpdoctor.casefile.vocabulary.SectionType;
import dev.rdpdoctor.casefile.vocabulary.ValueSet;
import dev.rdpdoctor.casefile.vocabulary.Vocabulary;
import dev.rdpdoctor.knowledge.KnowledgeBase;
import java.util.stream.Collectors;

/**
 * The vocabulary's fact types as DRL {@code declare}s, compiled before the rules on both paths:
 * {@code declare RdpSettings nlaRequired : Boolean = null ... end} in package
 * {@value KnowledgeBase#FACT_PACKAGE}, which rules import ({@code import facts.RdpSettings;}).
 * Declared are the types the rules can see ({@link Vocabulary#readableTypes()}) and the value
 * sets their keys take, each as an enum whose constants are the spellings in upper case
 * ({@code wi-fi} is {@code WI_FI}), so a rule reads {@code Client(network == ClientNetwork.WI_FI)}.
 *
 * <p>Every field is written {@code = null}: without it the plain DRL path starts a
 * {@code Boolean} at false and a {@code Long} at 0, and an unknown value would read as false or 0.
 */
final class DeclaredTypes {

  /** Where the executable model is given the declarations, beside the rules' own files. */
  static final String RESOURCE = "rdp-doctor-generated/" + KnowledgeBase.FACT_PACKAGE + "/declared-types.drl";

  private DeclaredTypes() {}

  static String drl(Vocabulary vocabulary) {
    StringBuilder out = new StringBuilder("package " + KnowledgeBase.FACT_PACKAGE + ";\n\n");
    for (ValueSet set : vocabulary.readableSets()) {
      out.append("declare enum ").append(set.name()).append("\n  ")
          .append(set.choices().stream().map(ValueSet.Choice::constant).collect(Collectors.joining(", ")))
          .append(";\nend\n\n");
    }
    for (SectionType type : vocabulary.readableTypes()) {
      out.append("declare ").append(type.name()).append('\n');
      for (Key key : type.keys()) {
        out.append("  ").append(key.field()).append(" : ").append(javaType(key.type(), false)).append(" = null\n");
      }
      out.append("end\n\n");
    }
    return out.toString();
  }

  /**
   * The Java type of a key's field.
   *
   * @param qualified whether the vocabulary's own types are named with their package, as code
   *     outside it must
   */
  static String javaType(KeyType type, boolean qualified) {
    String own = qualified ? KnowledgeBase.FACT_PACKAGE + "." : "";
    if (type instanceof KeyType.YesNo) {
      return "Boolean";
    } else if (type instanceof KeyType.WholeNumber || type instanceof KeyType.Code) {
      return "Long";
    } else if (type instanceof KeyType.Decimal) {
      return "Double";
    } else if (type instanceof KeyType.Text) {
      return "String";
    } else if (type instanceof KeyType.Date || type instanceof KeyType.ApproximateDate) {
      return "java.time.LocalDate"; // an approximate date is read as its estimate
    } else if (type instanceof KeyType.OneOf o) {
      return own + o.set().name();
    } else if (type instanceof KeyType.ListOf) {
      return "java.util.List";
    }
    return own + ((KeyType.Section) type).typeName();
  }
}
