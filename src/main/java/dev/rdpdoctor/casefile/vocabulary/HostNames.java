package dev.rdpdoctor.casefile.vocabulary;

import java.util.List;
import java.util.Locale;

/** Whether a certificate's names cover a host name (RFC 6125: a wildcard covers one label). */
public final class HostNames {

  private HostNames() {}

  public static boolean covered(String hostName, List<String> certificateNames) {
    String host = canonical(hostName);
    for (String name : certificateNames) {
      String n = canonical(name);
      if (n.equals(host)) {
        return true;
      }
      if (n.startsWith("*.")) {
        int dot = host.indexOf('.');
        if (dot > 0 && host.substring(dot + 1).equals(n.substring(2))) {
          return true;
        }
      }
    }
    return false;
  }

  private static String canonical(String name) {
    String n = name.strip().toLowerCase(Locale.ROOT);
    if (n.startsWith("cn=")) {
      n = n.substring(3);
    }
    return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
  }
}
