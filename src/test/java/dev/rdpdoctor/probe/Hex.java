package dev.rdpdoctor.probe;

import java.util.HexFormat;

/** Hex dumps as the specification prints them: {@code 03 00 00 2c ...}. */
final class Hex {

  private Hex() {}

  static byte[] bytes(String spaced) {
    return HexFormat.of().parseHex(spaced.replace(" ", ""));
  }

  static String of(byte[] bytes) {
    return HexFormat.ofDelimiter(" ").formatHex(bytes);
  }
}
