package dev.rdpdoctor.casefile;

import dev.rdpdoctor.yaml.Spelled;
import java.util.List;

/** Who is affected: everyone at once points at the host, one user at that user or client. */
public enum Affected implements Spelled {
  EVERYONE("all-users", "all", "everybody"),
  SOME_USERS("several-users"),
  ONE_USER("single-user", "only-me");

  private final List<String> aliases;

  Affected(String... aliases) {
    this.aliases = List.of(aliases);
  }

  @Override
  public List<String> aliases() {
    return aliases;
  }
}
