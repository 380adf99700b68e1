package dev.rdpdoctor.probe;

import javax.net.ssl.SSLContext;

/**
 * How a Windows host picks the security protocol (MS-RDPBCGR 3.3.5.3.1, in the order FreeRDP's
 * server uses): RDSTLS, then CredSSP with early authorization, CredSSP, TLS, standard RDP;
 * otherwise the failure code its settings call for.
 */
public record WindowsPolicy(SecurityLayer layer, boolean nlaRequired, boolean certificateMissing, boolean rdstls) {

  static final int SSL = 0x01;
  static final int HYBRID = 0x02;
  static final int RDSTLS = 0x04;
  static final int HYBRID_EX = 0x08;

  public static WindowsPolicy requiringNla() {
    return new WindowsPolicy(SecurityLayer.NEGOTIATE, true, false, true);
  }

  public static WindowsPolicy negotiateWithoutNla() {
    return new WindowsPolicy(SecurityLayer.NEGOTIATE, false, false, false);
  }

  static WindowsPolicy rdpOnly() {
    return new WindowsPolicy(SecurityLayer.RDP, false, false, false);
  }

  static WindowsPolicy tlsWithoutNla() {
    return new WindowsPolicy(SecurityLayer.TLS, false, false, false);
  }

  WindowsPolicy withCertificateMissing() {
    return new WindowsPolicy(layer, nlaRequired, true, rdstls);
  }

  /** The selected protocol (>= 0), or the failure code negated. */
  int decide(int requested) {
    if (layer == SecurityLayer.RDP) {
      return requested == 0 ? 0 : -2; // SSL_NOT_ALLOWED_BY_SERVER
    }
    int chosen;
    if (rdstls && (requested & RDSTLS) != 0) {
      chosen = RDSTLS;
    } else if ((requested & HYBRID_EX) != 0) {
      chosen = HYBRID_EX;
    } else if ((requested & HYBRID) != 0) {
      chosen = HYBRID;
    } else if ((requested & SSL) != 0 && !nlaRequired) {
      chosen = SSL;
    } else if (requested == 0 && layer == SecurityLayer.NEGOTIATE && !nlaRequired) {
      return 0;
    } else {
      return nlaRequired ? -5 : -1; // HYBRID_REQUIRED_BY_SERVER or SSL_REQUIRED_BY_SERVER
    }
    return certificateMissing ? -3 : chosen; // SSL_CERT_NOT_ON_SERVER
  }

  /** A fake-server script that answers as this policy, then serves TLS with {@code context}. */
  public FakeRdpServer.Script script(SSLContext context, String... tlsProtocols) {
    return connection -> {
      int requested = connection.readRequest();
      int decision = decide(Math.max(requested, 0));
      if (decision < 0) {
        connection.failure(-decision);
        return;
      }
      connection.selected(decision, 0x1f);
      if (decision == 0) {
        connection.holdUntilClosed();
      } else {
        connection.serveTls(context, tlsProtocols);
      }
    };
  }

}
