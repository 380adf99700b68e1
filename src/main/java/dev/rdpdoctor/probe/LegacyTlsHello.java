package dev.rdpdoctor.probe;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A hand-made TLS 1.0/1.1 ClientHello, for a server that refuses TLS 1.2 and 1.3. Java 17
 * disables the old versions for the whole JVM, so the probe speaks just enough TLS itself: it
 * sends the hello, reads the server's hello and its Certificate message (plain text before
 * TLS 1.3), and closes. No key exchange, no encryption. Every length read from the server is
 * checked against a cap before anything is allocated.
 */
final class LegacyTlsHello {

  private static final int MAX_RECORD = 16_384 + 2_048;
  private static final int MAX_HANDSHAKE = 64 * 1024;
  private static final int MAX_CERTIFICATES = 10;

  static final Map<Integer, String> VERSIONS = Map.of(0x0300, "SSLv3", 0x0301, "TLSv1", 0x0302, "TLSv1.1",
      0x0303, "TLSv1.2", 0x0304, "TLSv1.3");

  /** The suites old RDP servers (Windows 2008 R2, OpenSSL builds) pick from, strongest first. */
  static final Map<Integer, String> SUITES = Map.ofEntries(
      Map.entry(0xc014, "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA"),
      Map.entry(0xc013, "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA"),
      Map.entry(0xc00a, "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA"),
      Map.entry(0xc009, "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA"),
      Map.entry(0x0039, "TLS_DHE_RSA_WITH_AES_256_CBC_SHA"),
      Map.entry(0x0033, "TLS_DHE_RSA_WITH_AES_128_CBC_SHA"),
      Map.entry(0x0035, "TLS_RSA_WITH_AES_256_CBC_SHA"),
      Map.entry(0x002f, "TLS_RSA_WITH_AES_128_CBC_SHA"),
      Map.entry(0x000a, "SSL_RSA_WITH_3DES_EDE_CBC_SHA"),
      Map.entry(0x0005, "SSL_RSA_WITH_RC4_128_SHA"),
      Map.entry(0x0004, "SSL_RSA_WITH_RC4_128_MD5"));

  private static final int[] OFFERED = {0xc014, 0xc013, 0xc00a, 0xc009, 0x0039, 0x0033, 0x0035, 0x002f,
      0x000a, 0x0005, 0x0004, 0x00ff /* renegotiation SCSV */};

  /** What came back to the hello. */
  sealed interface Reply {
    record ServerHello(int version, int cipher, List<X509Certificate> chain) implements Reply {}

    record Refused(String why) implements Reply {}
  }

  Reply exchange(Socket socket, String serverName, Deadline deadline) {
    long start = System.nanoTime();
    try (SocketGuard guard = SocketGuard.arm(socket, deadline)) {
      try {
        socket.getOutputStream().write(clientHello(serverName));
        socket.getOutputStream().flush();
        return readServerFlight(socket, deadline);
      } catch (SocketTimeoutException e) {
        return new Reply.Refused("no answer to a TLS 1.0/1.1 hello within " + millis(start) + " ms");
      } catch (IOException e) {
        return new Reply.Refused(guard.fired() ? "no complete answer to a TLS 1.0/1.1 hello within " + millis(start) + " ms"
            : e.getMessage());
      }
    }
  }

  static byte[] clientHello(String serverName) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(0x03);
    body.write(0x02); // client_version TLS 1.1
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    body.writeBytes(random);
    body.write(0); // no session id
    u16(body, OFFERED.length * 2);
    for (int suite : OFFERED) {
      u16(body, suite);
    }
    body.write(1);
    body.write(0); // null compression
    ByteArrayOutputStream extensions = new ByteArrayOutputStream();
    if (!TlsSession.sni(serverName).isEmpty()) {
      byte[] name = serverName.getBytes(StandardCharsets.US_ASCII);
      u16(extensions, 0x0000);
      u16(extensions, name.length + 5);
      u16(extensions, name.length + 3);
      extensions.write(0); // host_name
      u16(extensions, name.length);
      extensions.writeBytes(name);
    }
    u16(extensions, 0x000a); // supported_groups: x25519, secp256r1, secp384r1
    u16(extensions, 8);
    u16(extensions, 6);
    u16(extensions, 29);
    u16(extensions, 23);
    u16(extensions, 24);
    u16(extensions, 0x000b); // ec_point_formats: uncompressed
    u16(extensions, 2);
    extensions.write(1);
    extensions.write(0);
    u16(body, extensions.size());
    body.writeBytes(extensions.toByteArray());

    ByteArrayOutputStream record = new ByteArrayOutputStream();
    record.write(0x16);
    record.write(0x03);
    record.write(0x01);
    u16(record, body.size() + 4);
    record.write(0x01); // client_hello
    record.write(body.size() >> 16);
    u16(record, body.size() & 0xffff);
    record.writeBytes(body.toByteArray());
    return record.toByteArray();
  }

  private static Reply readServerFlight(Socket socket, Deadline deadline) throws IOException {
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream handshake = new ByteArrayOutputStream();
    Integer version = null;
    Integer cipher = null;
    while (true) {
      byte[] header = readFully(socket, in, 5, deadline);
      int type = header[0] & 0xff;
      int length = (header[3] & 0xff) << 8 | (header[4] & 0xff);
      if (type != 0x15 && type != 0x16) {
        return new Reply.Refused(String.format("the reply to a TLS 1.0/1.1 hello is not TLS (record type 0x%02x)", type));
      }
      if (length > MAX_RECORD) {
        return new Reply.Refused("a TLS record of " + length + " bytes, more than TLS allows");
      }
      byte[] fragment = readFully(socket, in, length, deadline);
      if (type == 0x15) {
        return new Reply.Refused("the server refused a TLS 1.0/1.1 hello with the alert "
            + (fragment.length >= 2 ? TlsAlerts.name(fragment[1] & 0xff) : "(empty)"));
      }
      if (handshake.size() + fragment.length > MAX_HANDSHAKE) {
        return new Reply.Refused("the server's handshake messages exceed " + MAX_HANDSHAKE + " bytes");
      }
      handshake.writeBytes(fragment);
      byte[] messages = handshake.toByteArray();
      int at = 0;
      while (messages.length - at >= 4) {
        int kind = messages[at] & 0xff;
        int size = (messages[at + 1] & 0xff) << 16 | (messages[at + 2] & 0xff) << 8 | (messages[at + 3] & 0xff);
        if (size > MAX_HANDSHAKE) {
          return new Reply.Refused("a handshake message of " + size + " bytes, more than the probe reads");
        }
        if (messages.length - at - 4 < size) {
          break; // the rest comes in the next record
        }
        int body = at + 4;
        if (kind == 2) {
          if (size < 38) {
            return new Reply.Refused("the server hello is cut short");
          }
          version = (messages[body] & 0xff) << 8 | (messages[body + 1] & 0xff);
          int sessionIdLength = messages[body + 34] & 0xff;
          if (35 + sessionIdLength + 2 > size) {
            return new Reply.Refused("the server hello is cut short");
          }
          int c = body + 35 + sessionIdLength;
          cipher = (messages[c] & 0xff) << 8 | (messages[c + 1] & 0xff);
        } else if (kind == 11 && version != null) {
          return new Reply.ServerHello(version, cipher, certificates(messages, body, size));
        } else if (kind == 14 && version != null) {
          return new Reply.ServerHello(version, cipher, List.of());
        }
        at = body + size;
      }
    }
  }

  private static List<X509Certificate> certificates(byte[] m, int body, int size) throws IOException {
    if (size < 3) {
      throw new IOException("the Certificate message is cut short");
    }
    int total = (m[body] & 0xff) << 16 | (m[body + 1] & 0xff) << 8 | (m[body + 2] & 0xff);
    int end = body + 3 + Math.min(total, size - 3);
    int at = body + 3;
    List<X509Certificate> chain = new ArrayList<>();
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      while (end - at >= 3 && chain.size() < MAX_CERTIFICATES) {
        int length = (m[at] & 0xff) << 16 | (m[at + 1] & 0xff) << 8 | (m[at + 2] & 0xff);
        if (length > end - at - 3) {
          throw new IOException("a certificate in the Certificate message is cut short");
        }
        chain.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(m, at + 3, length)));
        at += 3 + length;
      }
    } catch (CertificateException e) {
      throw new IOException("the server's certificate cannot be read: " + e.getMessage(), e);
    }
    return chain;
  }

  private static byte[] readFully(Socket socket, InputStream in, int n, Deadline deadline) throws IOException {
    byte[] bytes = new byte[n];
    int at = 0;
    while (at < n) {
      socket.setSoTimeout(deadline.millisLeft());
      int read = in.read(bytes, at, n - at);
      if (read < 0) {
        throw new EOFException("the server closed the connection after a TLS 1.0/1.1 hello");
      }
      at += read;
    }
    return bytes;
  }

  private static void u16(ByteArrayOutputStream out, int value) {
    out.write((value >> 8) & 0xff);
    out.write(value & 0xff);
  }

  private static long millis(long start) {
    return Math.round((System.nanoTime() - start) / 1_000_000.0);
  }
}
