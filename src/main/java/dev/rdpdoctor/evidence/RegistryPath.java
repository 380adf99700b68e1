package dev.rdpdoctor.evidence;

import java.util.Locale;
import java.util.Map;

/**
 * A registry key's path as one spelling: the hive spelled out ({@code HKLM} is
 * {@code HKEY_LOCAL_MACHINE}), without regedit's {@code Computer\} before it or a backslash after
 * it. Paths are compared without regard to case, as Windows compares them.
 */
final class RegistryPath {

  private static final Map<String, String> HIVES = Map.of(
      "HKLM", "HKEY_LOCAL_MACHINE", "HKCU", "HKEY_CURRENT_USER", "HKCR", "HKEY_CLASSES_ROOT",
      "HKU", "HKEY_USERS", "HKCC", "HKEY_CURRENT_CONFIG");

  private RegistryPath() {}

  static String normal(String path) {
    String p = path.strip();
    if (p.regionMatches(true, 0, "Computer\\", 0, 9)) {
      p = p.substring(9);
    }
    while (p.endsWith("\\")) {
      p = p.substring(0, p.length() - 1);
    }
    int slash = p.indexOf('\\');
    String hive = (slash < 0 ? p : p.substring(0, slash)).toUpperCase(Locale.ROOT);
    String rest = slash < 0 ? "" : p.substring(slash);
    return HIVES.getOrDefault(hive, hive) + rest;
  }

  static boolean same(String a, String b) {
    return normal(a).equalsIgnoreCase(normal(b));
  }

  /** Whether {@code key} is a hive's path: {@code HKEY_LOCAL_MACHINE\...}. */
  static boolean isKey(String text) {
    String n = normal(text);
    return n.startsWith("HKEY_") && HIVES.containsValue(n.contains("\\") ? n.substring(0, n.indexOf('\\')) : n);
  }
}
