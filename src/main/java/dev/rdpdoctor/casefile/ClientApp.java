package dev.rdpdoctor.casefile;

import dev.rdpdoctor.yaml.Spelled;
import java.util.List;

/** The Remote Desktop client program. */
public enum ClientApp implements Spelled {
  MSTSC("remote-desktop-connection", "mstsc.exe"),
  WINDOWS_APP("windows-365-app"),
  STORE_APP("microsoft-store-app", "remote-desktop-app", "msrdc"),
  FREERDP("xfreerdp", "wfreerdp", "remmina"),
  OTHER;

  private final List<String> aliases;

  ClientApp(String... aliases) {
    this.aliases = List.of(aliases);
  }

  @Override
  public List<String> aliases() {
    return aliases;
  }
}
