package dev.rdpdoctor.knowledge;

import dev.rdpdoctor.casefile.vocabulary.Key;
import dev.rdpdoctor.casefile.vocabulary.KeyType;
import dev.rdpdoctor.casefile.vocabulary.SectionType;
import dev.rdpdoctor.casefile.vocabulary.ValueSet;
import dev.rdpdoctor.casefile.vocabulary.Vocabulary;
import java.util.stream.Collectors;

/**
 * Prototype: the vocabulary's readable types as DRL {@code declare}s, in one package the rules
 * import from ({@code import facts.RdpSettings;}). A one-of key becomes a declared enum whose
 * constants are the spellings in upper case ({@code wi-fi} is {@code WI_FI}), so rules keep
 * reading {@code Client(network == ClientNetwork.WI_FI)}. Every field starts unknown ({@code = null}).
 */
final class DeclaredTypes {

  static final String PACKAGE = "facts";

  private DeclaredTypes() {}

  static String drl(Vocabulary vocabulary) {
    StringBuilder out = new StringBuilder("package " + PACKAGE + ";\n\n");
    for (ValueSet set : vocabulary.readableSets()) {
      out.append("declare enum ").append(set.name()).append("\n  ")
          .append(set.choices().stream().map(ValueSet.Choice::constant).collect(Collectors.joining(", ")))
          .append(";\nend\n\n");
    }
    for (SectionType type : vocabulary.readableTypes()) {
      out.append("declare ").append(type.name()).append('\n');
      for (Key key : type.keys()) {
        // "= null": without it the plain DRL path starts a Boolean at false and a Long at 0,
        // and an unknown value would read as false or 0
        // (-Dprototype.withoutNull=true leaves it out, to show the difference)
        out.append("  ").append(key.field()).append(" : ").append(javaType(key.type()))
            .append(Boolean.getBoolean("prototype.withoutNull") ? "\n" : " = null\n");
      }
      out.append("end\n\n");
    }
    return out.toString();
  }

  static String javaType(KeyType type) {
    if (type instanceof KeyType.YesNo) {
      return "Boolean";
    }
    if (type instanceof KeyType.WholeNumber || type instanceof KeyType.Code) {
      return "Long";
    }
    if (type instanceof KeyType.Decimal) {
      return "Double";
    }
    if (type instanceof KeyType.Text) {
      return "String";
    }
    if (type instanceof KeyType.Date) {
      return "java.time.LocalDate";
    }
    if (type instanceof KeyType.OneOf o) {
      return o.set().name();
    }
    if (type instanceof KeyType.ListOf) {
      return "java.util.List";
    }
    return ((KeyType.Section) type).typeName();
  }
}
