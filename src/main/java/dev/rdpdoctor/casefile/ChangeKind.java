package dev.rdpdoctor.casefile;

import dev.rdpdoctor.yaml.Spelled;
import java.util.List;

/** A recent change on the host or on the way to it, often what set the failure off. */
public enum ChangeKind implements Spelled {
  OS_UPGRADE("upgrade", "feature-update", "in-place-upgrade"),
  WINDOWS_UPDATE("update", "patch", "cumulative-update"),
  CERTIFICATE_CHANGE("new-certificate", "certificate-replaced", "cert-change"),
  GPO_CHANGE("gpo", "group-policy", "policy-change"),
  HARDENING_BASELINE("hardening", "security-baseline", "cis-baseline"),
  NEW_ANTIVIRUS("antivirus", "av", "edr", "new-av"),
  IMAGE_CAPTURE("sysprep", "image", "captured-image", "cloned"),
  /** A firewall, router, NAT, load balancer or VPN change on the way to the host. */
  NETWORK_CHANGE("firewall-change", "router-change", "nat-change", "new-firewall"),
  OTHER;

  private final List<String> aliases;

  ChangeKind(String... aliases) {
    this.aliases = List.of(aliases);
  }

  @Override
  public List<String> aliases() {
    return aliases;
  }
}
