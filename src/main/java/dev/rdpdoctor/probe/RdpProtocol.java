package dev.rdpdoctor.probe;

/** Security protocols of RDP_NEG_REQ / RDP_NEG_RSP (MS-RDPBCGR 2.2.1.1.1). */
enum RdpProtocol {
  RDP,
  TLS,
  CREDSSP,
  CREDSSP_EARLY_AUTH,
  RDSTLS,
  /** The mask current clients send: TLS, CredSSP and CredSSP with early user authorization. */
  CLIENT_LIKE
}
