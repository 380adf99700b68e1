package dev.rdpdoctor.casefile;

import dev.rdpdoctor.yaml.Range;

/**
 * What the user tried to narrow the failure down: {@code tests:}.
 *
 * @param otherClientWorks another client program (Windows App, Store app, FreeRDP) connects to the
 *     same host from the same machine
 * @param otherNetworkWorks the same client connects from another network (mobile hotspot, office)
 * @param worksWithAntivirusPaused it connects while the antivirus or third-party firewall is paused
 * @param worksWithoutVpn it connects without the VPN (from a network where the host is reachable)
 * @param otherUserWorks another user connects to the same host at the same time
 * @param otherMachineWorks the same user connects from another client computer on the same network
 * @param worksWithNewRdpFile it connects after the .rdp file (and Default.rdp) was recreated and
 *     the saved credentials were removed
 * @param worksByIpAddress it connects when the host's IP address is used instead of its name
 * @param nameResolvesToHost the name resolves to the host's current address; false when the DNS
 *     record (or a hosts-file entry) is stale or points elsewhere
 * @param portReachable a TCP test to the RDP port succeeds (Test-NetConnection -Port, psping)
 * @param pspingLossPercent the loss psping reports for the RDP port, in percent
 * @param worksAfterMtuChange it connects after the VPN or tunnel MTU was lowered
 * @param worksWithUdpDisabled it connects and stays connected with UDP turned off on the client
 *     (fClientDisableUDP = 1)
 * @param worksFromLan it connects from inside the host's network, but not from outside through
 *     the NAT port forward, proxy or gateway
 * @param tracerouteReachesHost tracert / pathping / Test-NetConnection -TraceRoute reaches the host
 * @param tlsInspectionDetected a proxy or secure web gateway on the path inspects TLS (the
 *     certificate seen by the client is issued by the proxy)
 */
public record DifferentialTests(
    Boolean otherClientWorks,
    Boolean otherNetworkWorks,
    Boolean worksWithAntivirusPaused,
    Boolean worksWithoutVpn,
    Boolean otherUserWorks,
    Boolean otherMachineWorks,
    Boolean worksWithNewRdpFile,
    Boolean worksByIpAddress,
    Boolean nameResolvesToHost,
    Boolean portReachable,
    @Range(min = 0, max = 100) Double pspingLossPercent,
    Boolean worksAfterMtuChange,
    Boolean worksWithUdpDisabled,
    Boolean worksFromLan,
    Boolean tracerouteReachesHost,
    Boolean tlsInspectionDetected) {

  static DifferentialTests unknown() {
    return new DifferentialTests(null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null);
  }
}
