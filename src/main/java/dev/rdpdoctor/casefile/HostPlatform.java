package dev.rdpdoctor.casefile;

import dev.rdpdoctor.yaml.Spelled;
import java.util.List;

/** What the RDP host runs on. */
public enum HostPlatform implements Spelled {
  PHYSICAL("bare-metal", "workstation", "desktop", "laptop"),
  ON_PREM_VM("vm", "hyper-v", "vmware", "virtual-machine"),
  AZURE_VM("azure"),
  AVD_SESSION_HOST("avd", "session-host"),
  OTHER_CLOUD_VM("aws", "gcp", "cloud-vm"),
  OTHER;

  private final List<String> aliases;

  HostPlatform(String... aliases) {
    this.aliases = List.of(aliases);
  }

  @Override
  public List<String> aliases() {
    return aliases;
  }
}
