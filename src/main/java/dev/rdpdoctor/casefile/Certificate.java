package dev.rdpdoctor.casefile;

import dev.rdpdoctor.yaml.Range;
import java.time.LocalDate;
import java.util.List;

/**
 * A TLS certificate: the host's RDP certificate ({@code certificate:}) or one the probe saw.
 *
 * @param expired stated, or worked out from {@code not_after} and the observed date
 * @param daysLeft days from the observed date to {@code not_after}; negative once expired
 */
public record Certificate(
    Boolean selfSigned,
    String subject,
    String issuer,
    List<String> names,
    LocalDate notBefore,
    LocalDate notAfter,
    String thumbprint,
    String keyType,
    @Range(min = 1, max = 65_536) Long keyBits,
    String signatureAlgorithm,
    Boolean expired,
    @Range(min = -3_652_424, max = 3_652_424) Long daysLeft) {

  public Certificate {
    names = names == null ? null : List.copyOf(names);
  }

  static Certificate unknown() {
    return new Certificate(null, null, null, null, null, null, null, null, null, null, null, null);
  }

  Certificate withValidity(Boolean expired, Long daysLeft) {
    return new Certificate(selfSigned, subject, issuer, names, notBefore, notAfter, thumbprint,
        keyType, keyBits, signatureAlgorithm, expired, daysLeft);
  }
}
