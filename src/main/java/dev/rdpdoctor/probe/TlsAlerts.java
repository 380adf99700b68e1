package dev.rdpdoctor.probe;

import java.util.Map;

/** Names of TLS alert descriptions (RFC 5246 7.2, RFC 8446 6). */
final class TlsAlerts {

  private static final Map<Integer, String> NAMES = Map.ofEntries(
      Map.entry(0, "close_notify"), Map.entry(10, "unexpected_message"), Map.entry(20, "bad_record_mac"),
      Map.entry(40, "handshake_failure"), Map.entry(42, "bad_certificate"), Map.entry(47, "illegal_parameter"),
      Map.entry(50, "decode_error"), Map.entry(51, "decrypt_error"), Map.entry(70, "protocol_version"),
      Map.entry(71, "insufficient_security"), Map.entry(80, "internal_error"), Map.entry(86, "inappropriate_fallback"),
      Map.entry(109, "missing_extension"), Map.entry(112, "unrecognized_name"));

  private TlsAlerts() {}

  static String name(int description) {
    return NAMES.getOrDefault(description, "number " + description);
  }
}
