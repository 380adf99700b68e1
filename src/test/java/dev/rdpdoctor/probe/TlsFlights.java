package dev.rdpdoctor.probe;

import java.io.ByteArrayOutputStream;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Server handshake messages written by hand, for servers JSSE will not play: one that speaks
 * only TLS 1.0, one that stops half-way.
 */
final class TlsFlights {

  private TlsFlights() {}

  static byte[] serverHello(int version, int cipher) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    u16(body, version);
    for (int i = 0; i < 32; i++) {
      body.write(i * 7 + 1); // not the TLS 1.3 downgrade sentinel
    }
    body.write(0); // no session id
    u16(body, cipher);
    body.write(0); // null compression
    return handshake(2, body.toByteArray());
  }

  static byte[] certificate(List<X509Certificate> chain) {
    try {
      ByteArrayOutputStream list = new ByteArrayOutputStream();
      for (X509Certificate c : chain) {
        byte[] der = c.getEncoded();
        u24(list, der.length);
        list.writeBytes(der);
      }
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      u24(body, list.size());
      body.writeBytes(list.toByteArray());
      return handshake(11, body.toByteArray());
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] serverHelloDone() {
    return handshake(14, new byte[0]);
  }

  static byte[] record(int type, int version, byte[]... messages) {
    ByteArrayOutputStream payload = new ByteArrayOutputStream();
    for (byte[] m : messages) {
      payload.writeBytes(m);
    }
    ByteArrayOutputStream record = new ByteArrayOutputStream();
    record.write(type);
    u16(record, version);
    u16(record, payload.size());
    record.writeBytes(payload.toByteArray());
    return record.toByteArray();
  }

  static byte[] alert(int description) {
    return record(0x15, 0x0301, new byte[] {2, (byte) description});
  }

  private static byte[] handshake(int type, byte[] body) {
    ByteArrayOutputStream message = new ByteArrayOutputStream();
    message.write(type);
    u24(message, body.length);
    message.writeBytes(body);
    return message.toByteArray();
  }

  private static void u16(ByteArrayOutputStream out, int value) {
    out.write((value >> 8) & 0xff);
    out.write(value & 0xff);
  }

  private static void u24(ByteArrayOutputStream out, int value) {
    out.write((value >> 16) & 0xff);
    out.write((value >> 8) & 0xff);
    out.write(value & 0xff);
  }
}
