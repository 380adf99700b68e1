package dev.rdpdoctor.probe;

/** The RDP-Tcp SecurityLayer setting the negotiation proves: {@code rdp.security_layer}. */
enum SecurityLayer {
  RDP,
  NEGOTIATE,
  TLS
}
