package dev.rdpdoctor.casefile;

/** The machine and program that connect: {@code client:}. */
public record Client(String os, Long build, ClientApp app, String version, ClientNetwork network) {

  static Client unknown() {
    return new Client(null, null, null, null, null);
  }
}
