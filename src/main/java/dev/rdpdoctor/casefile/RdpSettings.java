package dev.rdpdoctor.casefile;

import dev.rdpdoctor.yaml.Range;

/**
 * The host's Remote Desktop settings: {@code rdp:}. Registry values are under
 * {@code HKLM\SYSTEM\CurrentControlSet\Control\Terminal Server} and its
 * {@code WinStations\RDP-Tcp} key unless said otherwise.
 *
 * @param enabled Remote Desktop allowed (fDenyTSConnections = 0, locally and by policy)
 * @param nlaRequired Network Level Authentication required (UserAuthentication = 1)
 * @param securityLayer SecurityLayer: rdp (0), negotiate (1) or tls (2)
 * @param port the listener port (PortNumber)
 * @param drainMode new logons refused on an RDS host (TSServerDrainMode)
 * @param logonDisabled logons disabled (fLogonDisabled or "change logon /disable")
 * @param customCertificate SSLCertificateSHA1Hash is set: the listener uses a chosen certificate
 * @param sslCertificateSha1HashFound the thumbprint in SSLCertificateSHA1Hash matches a
 *     certificate, with its private key, in the computer's Personal store (LocalMachine\My);
 *     false when that certificate is missing, replaced or expired
 * @param networkServiceKeyAccess NETWORK SERVICE can read the private key of the listener's
 *     certificate (the key file's ACL, or "Manage Private Keys" in certlm.msc)
 * @param machineKeysAclOk the ACL of C:\ProgramData\Microsoft\Crypto\RSA\MachineKeys grants
 *     SYSTEM and Administrators Full control and NETWORK SERVICE Read, as Microsoft resets it
 * @param certificateRegenerates after the Remote Desktop certificate was deleted and the
 *     service restarted, a new self-signed certificate appeared
 * @param serviceRunning the Remote Desktop Services service (TermService) is running
 * @param allowRemoteRpc AllowRemoteRPC = 1 (remote RPC administration of Remote Desktop)
 * @param minEncryptionLevel MinEncryptionLevel: 1 low, 2 client compatible, 3 high, 4 FIPS
 * @param fipsEnabled FIPS-only algorithms are enforced
 *     (HKLM\SYSTEM\CurrentControlSet\Control\Lsa\FIPSAlgorithmPolicy, Enabled = 1)
 * @param tlsProtocolsDisabled a TLS version the clients use is disabled for the server under
 *     HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols (Enabled = 0)
 * @param credsspUpdated the host has the CredSSP update for CVE-2018-0886 (May 2018 or later)
 * @param allowEncryptionOracle the host's Encryption Oracle Remediation policy
 *     (AllowEncryptionOracle): 0 force updated clients, 1 mitigated, 2 vulnerable
 */
public record RdpSettings(
    Boolean enabled,
    Boolean nlaRequired,
    SecurityLayer securityLayer,
    @Range(min = 1, max = 65535) Long port,
    Boolean drainMode,
    Boolean logonDisabled,
    Boolean customCertificate,
    Boolean sslCertificateSha1HashFound,
    Boolean networkServiceKeyAccess,
    Boolean machineKeysAclOk,
    Boolean certificateRegenerates,
    Boolean serviceRunning,
    Boolean allowRemoteRpc,
    @Range(min = 1, max = 4) Long minEncryptionLevel,
    Boolean fipsEnabled,
    Boolean tlsProtocolsDisabled,
    Boolean credsspUpdated,
    @Range(min = 0, max = 2) Long allowEncryptionOracle) {

  static RdpSettings unknown() {
    return new RdpSettings(null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null);
  }
}
