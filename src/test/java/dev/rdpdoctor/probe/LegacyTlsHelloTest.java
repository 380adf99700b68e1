package dev.rdpdoctor.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The hand-made TLS 1.0/1.1 hello, against servers that answer well and badly. */
class LegacyTlsHelloTest {

  @Test
  void theHelloOffersTls11AndCarriesSni() {
    byte[] hello = LegacyTlsHello.clientHello("rdp01");
    assertThat(hello[0]).isEqualTo((byte) 0x16);
    assertThat(hello[9]).as("client_version major").isEqualTo((byte) 0x03);
    assertThat(hello[10]).as("client_version minor: TLS 1.1").isEqualTo((byte) 0x02);
    assertThat(((hello[3] & 0xff) << 8 | (hello[4] & 0xff))).isEqualTo(hello.length - 5);
    assertThat(new String(hello, StandardCharsets.ISO_8859_1)).contains("rdp01");
    assertThat(new String(LegacyTlsHello.clientHello("10.0.0.5"), StandardCharsets.ISO_8859_1)).doesNotContain("10.0.0.5");
  }

  private static LegacyTlsHello.Reply against(Consumer<Socket> server) throws IOException {
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread t = new Thread(() -> {
        try (Socket s = listener.accept()) {
          server.accept(s);
        } catch (IOException e) {
          // done
        }
      });
      t.setDaemon(true);
      t.start();
      try (Socket client = new Socket()) {
        client.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort()), 1000);
        return new LegacyTlsHello().exchange(client, "rdp01.corp.example", Deadline.after(Duration.ofSeconds(2)));
      }
    }
  }

  private static Consumer<Socket> replying(byte[] bytes) {
    return s -> {
      try {
        s.getInputStream().readNBytes(5);
        s.getOutputStream().write(bytes);
        s.getOutputStream().flush();
        s.getInputStream().read();
      } catch (IOException e) {
        // client gone
      }
    };
  }

  @Test
  void readsTheVersionCipherAndCertificate() throws IOException {
    TestCertificates.Issued cert = TestCertificates.certificate().make();
    LegacyTlsHello.Reply reply = against(replying(TlsFlights.record(0x16, 0x0301,
        TlsFlights.serverHello(0x0302, 0xc014), TlsFlights.certificate(cert.chain()), TlsFlights.serverHelloDone())));
    assertThat(reply).isInstanceOfSatisfying(LegacyTlsHello.Reply.ServerHello.class, hello -> {
      assertThat(hello.version()).isEqualTo(0x0302);
      assertThat(hello.cipher()).isEqualTo(0xc014);
      assertThat(hello.chain()).containsExactly(cert.certificate());
    });
  }

  @Test
  void messagesSplitAcrossRecordsAreJoined() throws IOException {
    TestCertificates.Issued cert = TestCertificates.certificate().make();
    byte[] flight = concat(TlsFlights.serverHello(0x0301, 0x002f), TlsFlights.certificate(cert.chain()));
    int half = flight.length / 2;
    byte[] first = TlsFlights.record(0x16, 0x0301, java.util.Arrays.copyOfRange(flight, 0, half));
    byte[] second = TlsFlights.record(0x16, 0x0301, java.util.Arrays.copyOfRange(flight, half, flight.length));
    LegacyTlsHello.Reply reply = against(replying(concat(first, second)));
    assertThat(reply).isInstanceOfSatisfying(LegacyTlsHello.Reply.ServerHello.class,
        hello -> assertThat(hello.chain()).hasSize(1));
  }

  @Test
  void anAlertIsARefusalByName() throws IOException {
    assertThat(against(replying(TlsFlights.alert(70))))
        .isEqualTo(new LegacyTlsHello.Reply.Refused("the server refused a TLS 1.0/1.1 hello with the alert protocol_version"));
  }

  @Test
  void anEnormousRecordLengthIsRefusedBeforeReading() throws IOException {
    assertThat(against(replying(new byte[] {0x16, 0x03, 0x01, (byte) 0xff, (byte) 0xff})))
        .isEqualTo(new LegacyTlsHello.Reply.Refused("a TLS record of 65535 bytes, more than TLS allows"));
  }

  @Test
  void anEnormousHandshakeLengthIsRefused() throws IOException {
    byte[] message = {0x0b, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0, 0, 0};
    assertThat(against(replying(TlsFlights.record(0x16, 0x0301, message))))
        .isEqualTo(new LegacyTlsHello.Reply.Refused("a handshake message of 16777215 bytes, more than the probe reads"));
  }

  @Test
  void somethingThatIsNotTlsIsRefused() throws IOException {
    assertThat(against(replying("HTTP/1.1 400 Bad\r\n\r\n".getBytes(StandardCharsets.US_ASCII))))
        .isEqualTo(new LegacyTlsHello.Reply.Refused("the reply to a TLS 1.0/1.1 hello is not TLS (record type 0x48)"));
  }

  @Test
  void silenceEndsAtTheDeadline() throws IOException {
    long start = System.nanoTime();
    LegacyTlsHello.Reply reply = against(s -> {
      try {
        s.getInputStream().readAllBytes();
      } catch (IOException e) {
        // client gone
      }
    });
    assertThat(reply).isInstanceOf(LegacyTlsHello.Reply.Refused.class);
    assertThat((System.nanoTime() - start) / 1e9).isLessThan(3.0);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
