package dev.rdpdoctor.casefile.vocabulary;

import dev.rdpdoctor.yaml.Spelled;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The {@code type:} of a key, as written; {@link KeyType} is what it becomes once checked. */
public enum KeyKind implements Spelled {
  YES_NO("yes/no", "boolean", "bool", "true-false"),
  WHOLE_NUMBER("integer", "int", "long", "number"),
  DECIMAL("double", "float", "real"),
  TEXT("string", "str"),
  DATE,
  APPROXIMATE_DATE("relative-date", "rough-date"),
  CODE("error-code"),
  ONE_OF("enum", "choice"),
  SECTION("object", "map");

  private final List<String> aliases;

  KeyKind(String... aliases) {
    this.aliases = List.of(aliases);
  }

  @Override
  public List<String> aliases() {
    return aliases;
  }

  static String spellings() {
    return Arrays.stream(values()).map(Spelled::spelling).collect(Collectors.joining(", "));
  }
}
