package dev.rdpdoctor.casefile;

import java.util.List;

/** The machine the user connects to: {@code host:}. */
public record Host(String name, String os, Long build, HostPlatform platform, List<RecentChange> recentChanges) {

  public Host {
    recentChanges = recentChanges == null ? null : List.copyOf(recentChanges);
  }

  static Host unknown() {
    return new Host(null, null, null, null, null);
  }
}
