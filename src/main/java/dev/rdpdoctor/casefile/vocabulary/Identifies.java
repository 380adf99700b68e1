package dev.rdpdoctor.casefile.vocabulary;

import dev.rdpdoctor.yaml.Spelled;
import java.util.List;

/** What a key's value names, so that {@code --redact} hides it. */
public enum Identifies implements Spelled {
  /** A host name or an address, perhaps with a port: {@code rdp01.corp.example:3390}. */
  HOST("host-name", "computer"),
  /** An IP address. */
  ADDRESS("ip", "ip-address"),
  /** A user: {@code CORP\jsmith}, {@code jsmith@corp.example}. */
  PERSON("user", "account"),
  /** A certificate's subject or issuer. */
  CERTIFICATE("subject"),
  /** A certificate's thumbprint. */
  THUMBPRINT("hash");

  private final List<String> aliases;

  Identifies(String... aliases) {
    this.aliases = List.of(aliases);
  }

  @Override
  public List<String> aliases() {
    return aliases;
  }
}
