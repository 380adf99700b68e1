package dev.rdpdoctor.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Whatever certificate a server presents (on the RDP port or the gateway's), the probe turns it
 * into certificate facts without an exception, matches its names, and writes a symptom file that
 * reads back. One target builds certificates from fuzzed fields (names, alternative names,
 * dates, keys and signatures); the other feeds raw DER as the TLS 1.0/1.1 path parses it.
 */
class CertificateFuzzTest {

  private static final Target TARGET = new Target("rdp01.example.test", 3389);
  private static final String[] HOSTS = {"rdp01.example.test", "rdp01", "10.0.0.5", "xn--bcher-kva.example", "a.b.c.d.e"};
  private static final KeyPair EC = keys("EC", 256);
  private static final KeyPair RSA = keys("RSA", 1024);
  private static final long YEAR_1 = -62_135_596_800_000L;
  private static final long YEAR_9999 = 253_402_300_799_000L;

  @FuzzTest
  void anyCertificateBecomesFactsThatReadBack(FuzzedDataProvider data) {
    X509Certificate certificate;
    try {
      certificate = build(data);
    } catch (Exception e) { // only the builder and the JDK run in build()
      return; // not a certificate the builder or the JDK can make: no server can send it to the probe either
    }
    checkFacts(certificate, HOSTS[data.consumeInt(0, HOSTS.length - 1)]);
  }

  @FuzzTest
  void anyDerIsACertificateOrRefused(byte[] der) {
    X509Certificate certificate;
    try {
      certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
          .generateCertificate(new ByteArrayInputStream(der));
    } catch (CertificateException e) {
      return; // the refusal LegacyTlsHello reports
    }
    if (certificate != null) {
      checkFacts(certificate, TARGET.host());
    }
  }

  private static void checkFacts(X509Certificate certificate, String host) {
    Certificate facts = CertificateFacts.of(certificate);
    assertThat(facts.subject()).isNotNull();
    assertThat(facts.names()).isNotNull();
    NameMatch.of(host, facts.names());
    ProbeTls tls = TlsFacts.of(new TlsOutcome.Established("TLSv1.3", "TLS_AES_128_GCM_SHA256", List.of(certificate)), host);
    assertThat(TlsFacts.describe(tls)).isNotNull();
    Target target = Target.parse(host, 3389);
    ProbeGateway gateway = new ProbeGateway(host, 443L, "TLSv1.3", "TLS_AES_128_GCM_SHA256", facts,
        NameMatch.of(host, facts.names()), 401L, List.of("Negotiate"), true, null);
    ProbeRoundTrip.check(target, new Probe(target.toString(), null, null, null, tls, gateway));
  }

  private static X509Certificate build(FuzzedDataProvider data) throws Exception {
    X500Name subject = name(data);
    X500Name issuer = data.consumeBoolean() ? subject : name(data);
    Date notBefore = new Date(data.consumeLong(YEAR_1, YEAR_9999));
    Date notAfter = new Date(data.consumeLong(YEAR_1, YEAR_9999));
    boolean rsa = data.consumeBoolean();
    KeyPair key = rsa ? RSA : EC;
    String signature = rsa ? data.pickValue(new String[] {"SHA256withRSA", "SHA1withRSA", "MD5withRSA"}) : "SHA256withECDSA";
    X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
        BigInteger.valueOf(data.consumeLong(1, Long.MAX_VALUE)), notBefore, notAfter, subject, key.getPublic());
    int sans = data.consumeInt(0, 4);
    if (sans > 0) {
      List<GeneralName> names = new ArrayList<>();
      for (int i = 0; i < sans; i++) {
        names.add(switch (data.consumeInt(0, 3)) {
          case 0 -> new GeneralName(GeneralName.dNSName, data.consumeString(80));
          case 1 -> new GeneralName(GeneralName.iPAddress, new DEROctetString(data.consumeBytes(data.consumeInt(0, 20))));
          case 2 -> new GeneralName(GeneralName.rfc822Name, data.consumeString(40));
          default -> new GeneralName(GeneralName.uniformResourceIdentifier, data.consumeString(40));
        });
      }
      builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names.toArray(new GeneralName[0])));
    }
    return new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter().getCertificate(
        builder.build(new JcaContentSignerBuilder(signature).build(key.getPrivate())));
  }

  private static X500Name name(FuzzedDataProvider data) {
    X500NameBuilder name = new X500NameBuilder(BCStyle.INSTANCE);
    ASN1ObjectIdentifier[] types = {BCStyle.CN, BCStyle.O, BCStyle.OU, BCStyle.DC, BCStyle.L, BCStyle.EmailAddress};
    int rdns = data.consumeInt(0, 4);
    for (int i = 0; i < rdns; i++) {
      name.addRDN(data.pickValue(types), data.consumeString(60));
    }
    return name.build();
  }

  private static KeyPair keys(String algorithm, int size) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
      generator.initialize(size);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
