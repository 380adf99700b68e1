package dev.rdpdoctor.probe;

import dev.rdpdoctor.casefile.vocabulary.HostNames;
import java.util.List;

/**
 * Whether a certificate's names (CN and SANs) cover the name the client connects to, the way
 * FreeRDP checks them: case-insensitive, a wildcard for one left-most label.
 */
final class NameMatch {

  private NameMatch() {}

  /**
   * True or false for a host name. For an address, true when an IP SAN carries it, otherwise
   * unknown (null): a certificate names a host, and a client that connects by address expects
   * the mismatch.
   */
  static Boolean of(String connectedTo, List<String> names) {
    boolean covered = names != null && !names.isEmpty() && HostNames.covered(connectedTo, names);
    if (Target.isAddressLiteral(connectedTo)) {
      return covered ? Boolean.TRUE : null;
    }
    return covered;
  }
}
