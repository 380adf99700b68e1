package dev.rdpdoctor.casefile;

/** What the user tried to narrow the failure down: {@code tests:}. */
public record DifferentialTests(
    Boolean otherClientWorks,
    Boolean otherNetworkWorks,
    Boolean worksWithAntivirusPaused,
    Boolean worksWithoutVpn,
    Boolean otherUserWorks) {

  static DifferentialTests unknown() {
    return new DifferentialTests(null, null, null, null, null);
  }
}
