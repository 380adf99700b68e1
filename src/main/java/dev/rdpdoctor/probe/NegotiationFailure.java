package dev.rdpdoctor.probe;

/** RDP_NEG_FAILURE codes (MS-RDPBCGR 2.2.1.2.2), in the order of their values 1 to 6. */
enum NegotiationFailure {
  SSL_REQUIRED_BY_SERVER,
  SSL_NOT_ALLOWED_BY_SERVER,
  SSL_CERT_NOT_ON_SERVER,
  INCONSISTENT_FLAGS,
  HYBRID_REQUIRED_BY_SERVER,
  SSL_WITH_USER_AUTH_REQUIRED_BY_SERVER
}
