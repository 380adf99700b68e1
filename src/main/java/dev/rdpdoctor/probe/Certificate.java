package dev.rdpdoctor.probe;

import java.time.LocalDate;
import java.util.List;

/**
 * A certificate a server presented, as the probe read it. Whether it has expired is not the
 * probe's to say: the reader works it out from {@code notAfter} and the observed date.
 */
record Certificate(
    Boolean selfSigned,
    String subject,
    String issuer,
    List<String> names,
    LocalDate notBefore,
    LocalDate notAfter,
    String thumbprint,
    String keyType,
    Long keyBits,
    String signatureAlgorithm) {

  Certificate {
    names = names == null ? null : List.copyOf(names);
  }
}
