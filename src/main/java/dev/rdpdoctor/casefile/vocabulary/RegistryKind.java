package dev.rdpdoctor.casefile.vocabulary;

import dev.rdpdoctor.yaml.Spelled;
import java.util.List;

/** The type of a registry value, as {@code reg query} names it. */
public enum RegistryKind implements Spelled {
  REG_DWORD("dword"),
  REG_QWORD("qword"),
  REG_SZ("sz", "string"),
  REG_EXPAND_SZ("expand-sz"),
  REG_MULTI_SZ("multi-sz"),
  REG_BINARY("binary");

  private final List<String> aliases;

  RegistryKind(String... aliases) {
    this.aliases = List.of(aliases);
  }

  @Override
  public List<String> aliases() {
    return aliases;
  }
}
