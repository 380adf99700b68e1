package dev.rdpdoctor.casefile;

import dev.rdpdoctor.yaml.Range;

/**
 * The machine and program that connect: {@code client:}.
 *
 * @param recentlyUpdated the client's OS or Remote Desktop program was updated shortly before the
 *     failure started
 * @param credsspUpdated the client has the CredSSP update for CVE-2018-0886 (May 2018 or later)
 * @param allowEncryptionOracle the client's Encryption Oracle Remediation policy
 *     (AllowEncryptionOracle): 0 force updated clients, 1 mitigated, 2 vulnerable
 */
public record Client(
    String os,
    @Range(min = 1, max = 999_999) Long build,
    ClientApp app,
    String version,
    ClientNetwork network,
    Boolean recentlyUpdated,
    Boolean credsspUpdated,
    @Range(min = 0, max = 2) Long allowEncryptionOracle) {

  static Client unknown() {
    return new Client(null, null, null, null, null, null, null, null);
  }
}
