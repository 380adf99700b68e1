package dev.rdpdoctor.casefile;

/**
 * The host's Remote Desktop settings: {@code rdp:}.
 *
 * @param enabled Remote Desktop allowed (fDenyTSConnections = 0)
 * @param nlaRequired Network Level Authentication required (UserAuthentication = 1)
 * @param securityLayer SecurityLayer: rdp (0), negotiate (1) or tls (2)
 * @param port the listener port (PortNumber)
 * @param drainMode new logons refused on an RDS host (TSServerDrainMode)
 * @param logonDisabled logons disabled (fLogonDisabled or "change logon /disable")
 * @param customCertificate SSLCertificateSHA1Hash is set: the listener uses a chosen certificate
 */
public record RdpSettings(
    Boolean enabled,
    Boolean nlaRequired,
    SecurityLayer securityLayer,
    Long port,
    Boolean drainMode,
    Boolean logonDisabled,
    Boolean customCertificate) {

  static RdpSettings unknown() {
    return new RdpSettings(null, null, null, null, null, null, null);
  }
}
