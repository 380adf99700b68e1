package dev.rdpdoctor.probe;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * An HTTPS server on 127.0.0.1 that answers every request with a fixed reply: an RD Gateway's
 * 401 with its authentication schemes, or a plain web server's 404. It records the requests and
 * the SNI it received.
 */
public final class FakeGateway implements AutoCloseable {

  public static final String RD_GATEWAY_401 = "HTTP/1.1 401 Unauthorized\r\n"
      + "Server: Microsoft-HTTPAPI/2.0\r\n"
      + "WWW-Authenticate: Negotiate\r\n"
      + "WWW-Authenticate: NTLM\r\n"
      + "Content-Length: 0\r\n\r\n";
  static final String WEB_SERVER_404 = "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n";

  private final SSLServerSocket listener;
  final List<String> requests = new CopyOnWriteArrayList<>();
  final List<String> sniNames = new CopyOnWriteArrayList<>();

  public FakeGateway(SSLContext context, String reply) throws IOException {
    listener = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 10, InetAddress.getLoopbackAddress());
    Thread t = new Thread(() -> {
      while (!listener.isClosed()) {
        try (SSLSocket s = (SSLSocket) listener.accept()) {
          s.setSoTimeout(5000);
          s.startHandshake();
          ((ExtendedSSLSession) s.getSession()).getRequestedServerNames().stream()
              .filter(n -> n instanceof SNIHostName)
              .map(n -> ((SNIHostName) n).getAsciiName())
              .forEach(sniNames::add);
          requests.add(head(s.getInputStream()));
          s.getOutputStream().write(reply.getBytes(StandardCharsets.US_ASCII));
          s.getOutputStream().flush();
        } catch (IOException e) {
          // next client
        }
      }
    }, "fake-gateway");
    t.setDaemon(true);
    t.start();
  }

  public int port() {
    return listener.getLocalPort();
  }

  private static String head(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0 && head.size() < 16384) {
      head.write(b);
      String text = head.toString(StandardCharsets.ISO_8859_1);
      if (text.endsWith("\r\n\r\n")) {
        break;
      }
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() throws IOException {
    listener.close();
  }
}
