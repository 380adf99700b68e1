package dev.rdpdoctor.probe;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.DSAPublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

/**
 * The facts of an X.509 certificate in the symptom file's terms. Whether it has expired is left
 * to the reader, which judges {@code not_after} against the observed date.
 */
final class CertificateFacts {

  private static final int SAN_DNS = 2;
  private static final int SAN_IP = 7;

  private CertificateFacts() {}

  static Certificate of(X509Certificate c) {
    String subject = c.getSubjectX500Principal().getName(X500Principal.RFC2253);
    String issuer = c.getIssuerX500Principal().getName(X500Principal.RFC2253);
    return new Certificate(
        selfSigned(c),
        subject,
        issuer,
        names(c),
        utcDate(c.getNotBefore()),
        utcDate(c.getNotAfter()),
        thumbprint(c),
        c.getPublicKey().getAlgorithm(),
        keyBits(c.getPublicKey()),
        c.getSigAlgName());
  }

  /** The subject's common names, then the DNS and IP subject alternative names. */
  static List<String> names(X509Certificate c) {
    List<String> names = new ArrayList<>();
    try {
      for (Rdn rdn : new LdapName(c.getSubjectX500Principal().getName(X500Principal.RFC2253)).getRdns()) {
        if (rdn.getType().equalsIgnoreCase("CN")) {
          names.add(String.valueOf(rdn.getValue()));
        }
      }
    } catch (InvalidNameException e) {
      // no readable CN: the SANs still count
    }
    try {
      Collection<List<?>> sans = c.getSubjectAlternativeNames();
      if (sans != null) {
        for (List<?> san : sans) {
          if (san.size() >= 2 && san.get(0) instanceof Integer type && (type == SAN_DNS || type == SAN_IP)
              && san.get(1) instanceof String value && names.stream().noneMatch(value::equalsIgnoreCase)) {
            names.add(value);
          }
        }
      }
    } catch (CertificateParsingException e) {
      // an unreadable SAN extension: report the CN alone
    }
    return names;
  }

  static boolean selfSigned(X509Certificate c) {
    if (!c.getSubjectX500Principal().equals(c.getIssuerX500Principal())) {
      return false;
    }
    try {
      c.verify(c.getPublicKey());
      return true;
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }

  static Long keyBits(PublicKey key) {
    if (key instanceof RSAPublicKey rsa) {
      return (long) rsa.getModulus().bitLength();
    }
    if (key instanceof ECPublicKey ec) {
      return (long) ec.getParams().getCurve().getField().getFieldSize();
    }
    if (key instanceof DSAPublicKey dsa) {
      return (long) dsa.getParams().getP().bitLength();
    }
    return null;
  }

  /** SHA-1 over the DER encoding, in upper-case hex, as Windows shows a thumbprint. */
  static String thumbprint(X509Certificate c) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-1").digest(c.getEncoded());
      return HexFormat.of().formatHex(digest).toUpperCase(Locale.ROOT);
    } catch (GeneralSecurityException e) {
      return null;
    }
  }

  private static LocalDate utcDate(Date date) {
    return LocalDate.ofInstant(date.toInstant(), ZoneOffset.UTC);
  }
}
