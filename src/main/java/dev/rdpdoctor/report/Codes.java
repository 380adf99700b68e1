package dev.rdpdoctor.report;

import java.util.Locale;

/** Error codes as people read them: {@code 0x904 (2308)}. */
final class Codes {

  private Codes() {}

  static String hex(Long code) {
    return code == null ? "unknown" : "0x" + Long.toHexString(code).toUpperCase(Locale.ROOT);
  }

  static String both(Long code) {
    return code == null ? "unknown" : hex(code) + " (" + code + ")";
  }
}
