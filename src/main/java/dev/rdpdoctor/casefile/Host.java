package dev.rdpdoctor.casefile;

import dev.rdpdoctor.yaml.Range;
import java.util.List;

/**
 * The machine the user connects to: {@code host:}.
 *
 * @param clockSkewMinutes how far the host's clock is from the client's, in minutes, either way
 *     (for example from nmap rdp-ntlm-info's System_Time, or w32tm /stripchart)
 * @param wmiRepositoryConsistent {@code winmgmt /verifyrepository} reports the WMI repository
 *     consistent
 */
public record Host(
    String name,
    String os,
    @Range(min = 1, max = 999_999) Long build,
    HostPlatform platform,
    List<RecentChange> recentChanges,
    @Range(min = 0, max = 52_560_000) Long clockSkewMinutes,
    Boolean wmiRepositoryConsistent) {

  public Host {
    recentChanges = recentChanges == null ? null : List.copyOf(recentChanges);
  }

  static Host unknown() {
    return new Host(null, null, null, null, null, null, null);
  }
}
