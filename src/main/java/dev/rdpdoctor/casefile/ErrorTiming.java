package dev.rdpdoctor.casefile;

import dev.rdpdoctor.yaml.Spelled;
import java.util.List;

/** When in the connection the error appears. */
public enum ErrorTiming implements Spelled {
  BEFORE_CREDENTIALS("before-login", "on-connect", "immediately"),
  AFTER_CREDENTIALS("after-login", "after-password"),
  MID_SESSION("during-session", "in-session");

  private final List<String> aliases;

  ErrorTiming(String... aliases) {
    this.aliases = List.of(aliases);
  }

  @Override
  public List<String> aliases() {
    return aliases;
  }
}
