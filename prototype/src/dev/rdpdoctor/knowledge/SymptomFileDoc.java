package dev.rdpdoctor.knowledge;

import dev.rdpdoctor.casefile.vocabulary.Key;
import dev.rdpdoctor.casefile.vocabulary.KeyType;
import dev.rdpdoctor.casefile.vocabulary.SectionType;
import dev.rdpdoctor.casefile.vocabulary.Vocabulary;

/**
 * Prototype: the reference tables of docs/symptom-file.md written from the vocabulary, one table
 * per top-level section, nested sections flattened ({@code gateway.fqdn}, {@code recent_changes[].kind}).
 */
final class SymptomFileDoc {

  private SymptomFileDoc() {}

  static String tables(Vocabulary v) {
    StringBuilder out = new StringBuilder("## Top level\n\n| key | type | meaning |\n|---|---|---|\n");
    for (Key k : v.root().keys()) {
      out.append(row(k.name(), k)).append('\n');
    }
    for (Key k : v.root().keys()) {
      if (k.section().isEmpty()) {
        continue;
      }
      SectionType t = v.type(k.section().get().typeName()).orElseThrow();
      out.append("\n## `").append(k.name()).append("`\n\n");
      if (k.isList()) {
        out.append(t.doc()).append("\n\n");
      }
      out.append("| key | type | meaning |\n|---|---|---|\n");
      rows(v, t, "", out);
    }
    return out.toString();
  }

  private static void rows(Vocabulary v, SectionType t, String prefix, StringBuilder out) {
    for (Key k : t.keys()) {
      out.append(row(prefix + k.name(), k)).append('\n');
      if (k.section().isPresent()) {
        SectionType inner = v.type(k.section().get().typeName()).orElseThrow();
        if (!inner.name().equals("Certificate")) { // "as `certificate` above", as the doc says
          rows(v, inner, prefix + k.name() + (k.isList() ? "[]." : "."), out);
        }
      }
    }
  }

  private static String row(String name, Key k) {
    return "| `" + name + "` | " + type(k.type()) + " | " + k.doc() + " |";
  }

  private static String type(KeyType t) {
    if (t instanceof KeyType.ListOf l) {
      return l.item() instanceof KeyType.Section ? "list" : "list of " + type(l.item());
    }
    if (t instanceof KeyType.WholeNumber n) {
      return n.describe();
    }
    if (t instanceof KeyType.Decimal) {
      return "number";
    }
    return t.describe();
  }
}
