package dev.rdpdoctor.probe;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Certificates made in the test: expired, for another name, self-signed or issued, weak. */
public final class TestCertificates {

  private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());
  private static final char[] PASSWORD = "test".toCharArray();

  /** A certificate and its key. */
  public record Issued(X509Certificate certificate, KeyPair keys, List<X509Certificate> chain) {

    public SSLContext serverContext() {
      try {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("server", keys.getPrivate(), PASSWORD, chain.toArray(new X509Certificate[0]));
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(store, PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), null, null);
        return context;
      } catch (GeneralSecurityException | IOException e) {
        throw new IllegalStateException(e);
      }
    }

    /** Writes the certificate and its key as PEM files, as xrdp reads them. */
    public void writePem(Path certificateFile, Path keyFile) {
      try {
        Files.writeString(certificateFile, pem(certificate));
        Files.writeString(keyFile, pem(keys.getPrivate()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** How to make one: a builder with the usual certificate of a Windows host as its default. */
  public static final class Spec {
    String subject = "CN=rdp01.corp.example";
    List<String> dnsNames = new ArrayList<>();
    Instant notBefore = Instant.now().minus(Duration.ofDays(30));
    Instant notAfter = Instant.now().plus(Duration.ofDays(335));
    int keyBits = 2048;
    String signature = "SHA256withRSA";
    Issued issuer;
    String pointsTo;

    /** Authority information access (CA issuers, OCSP) and a CRL distribution point at {@code url}. */
    Spec pointingTo(String url) {
      pointsTo = url;
      return this;
    }

    public Spec subject(String cn) {
      subject = "CN=" + cn;
      return this;
    }

    public Spec dns(String... names) {
      dnsNames.addAll(List.of(names));
      return this;
    }

    public Spec expiredDaysAgo(int days) {
      notAfter = Instant.now().minus(Duration.ofDays(days));
      notBefore = notAfter.minus(Duration.ofDays(365));
      return this;
    }

    Spec keyBits(int bits) {
      keyBits = bits;
      return this;
    }

    Spec signature(String algorithm) {
      signature = algorithm;
      return this;
    }

    Spec issuedBy(Issued ca) {
      issuer = ca;
      return this;
    }

    public Issued make() {
      return TestCertificates.make(this);
    }
  }

  private TestCertificates() {}

  public static Spec certificate() {
    return new Spec();
  }

  static Issued make(Spec spec) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(spec.keyBits);
      KeyPair keys = generator.generateKeyPair();
      X500Name subject = new X500Name(spec.subject);
      X500Name issuerName = spec.issuer == null ? subject
          : new X500Name(spec.issuer.certificate().getSubjectX500Principal().getName());
      X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName,
          BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(spec.notBefore), Date.from(spec.notAfter),
          subject, keys.getPublic());
      if (!spec.dnsNames.isEmpty()) {
        GeneralName[] names = spec.dnsNames.stream().map(n -> new GeneralName(GeneralName.dNSName, n))
            .toArray(GeneralName[]::new);
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
      }
      if (spec.pointsTo != null) {
        GeneralName url = new GeneralName(GeneralName.uniformResourceIdentifier, spec.pointsTo);
        builder.addExtension(Extension.authorityInfoAccess, false, new org.bouncycastle.asn1.x509.AuthorityInformationAccess(
            new org.bouncycastle.asn1.x509.AccessDescription[] {
                new org.bouncycastle.asn1.x509.AccessDescription(org.bouncycastle.asn1.x509.AccessDescription.id_ad_caIssuers, url),
                new org.bouncycastle.asn1.x509.AccessDescription(org.bouncycastle.asn1.x509.AccessDescription.id_ad_ocsp, url)}));
        builder.addExtension(Extension.cRLDistributionPoints, false, new org.bouncycastle.asn1.x509.CRLDistPoint(
            new org.bouncycastle.asn1.x509.DistributionPoint[] {new org.bouncycastle.asn1.x509.DistributionPoint(
                new org.bouncycastle.asn1.x509.DistributionPointName(new GeneralNames(url)), null, null)}));
      }
      KeyPair signer = spec.issuer == null ? keys : spec.issuer.keys();
      X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
          builder.build(new JcaContentSignerBuilder(spec.signature).build(signer.getPrivate())));
      List<X509Certificate> chain = new ArrayList<>();
      chain.add(certificate);
      if (spec.issuer != null) {
        chain.addAll(spec.issuer.chain());
      }
      return new Issued(certificate, keys, chain);
    } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String pem(Object object) throws IOException {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      writer.writeObject(object);
    }
    return text.toString();
  }
}
