package dev.rdpdoctor.probe;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * An RDP listener on 127.0.0.1 that answers each connection as its script says: like Windows
 * with a given policy, with fixed bytes, with garbage, not at all. It records what the client
 * requested and the SNI it sent.
 */
public final class FakeRdpServer implements AutoCloseable {

  /** What the server does with one accepted connection. */
  public interface Script {
    void serve(Connection connection) throws IOException;
  }

  private final ServerSocket listener;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "fake-rdp");
    t.setDaemon(true);
    return t;
  });
  private final List<Socket> accepted = new CopyOnWriteArrayList<>();
  final List<Integer> requested = new CopyOnWriteArrayList<>();
  final List<byte[]> requests = new CopyOnWriteArrayList<>();
  final List<String> sniNames = new CopyOnWriteArrayList<>();
  final List<String> tlsVersions = new CopyOnWriteArrayList<>();

  private FakeRdpServer(Script script) throws IOException {
    listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    threads.submit(() -> {
      while (!listener.isClosed()) {
        Socket socket;
        try {
          socket = listener.accept();
        } catch (IOException e) {
          return;
        }
        accepted.add(socket);
        threads.submit(() -> {
          try (socket) {
            script.serve(new Connection(socket));
          } catch (IOException e) {
            // the client went away, as it does after each answer
          }
        });
      }
    });
  }

  public static FakeRdpServer start(Script script) {
    try {
      return new FakeRdpServer(script);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public int port() {
    return listener.getLocalPort();
  }

  Target target() {
    return new Target("127.0.0.1", port());
  }

  Target target(String name) {
    return new Target(name, port());
  }

  @Override
  public void close() throws IOException {
    listener.close();
    for (Socket s : accepted) {
      s.close();
    }
    threads.shutdownNow();
  }

  /** One accepted connection, with the steps scripts are made of. */
  public final class Connection {
    final Socket socket;

    Connection(Socket socket) {
      this.socket = socket;
    }

    /** Reads the client's Connection Request; returns its requestedProtocols (-1 without RDP_NEG_REQ). */
    int readRequest() throws IOException {
      InputStream in = socket.getInputStream();
      byte[] header = in.readNBytes(4);
      if (header.length < 4) {
        throw new EOFException();
      }
      int length = (header[2] & 0xff) << 8 | (header[3] & 0xff);
      byte[] rest = in.readNBytes(length - 4);
      ByteArrayOutputStream whole = new ByteArrayOutputStream();
      whole.writeBytes(header);
      whole.writeBytes(rest);
      requests.add(whole.toByteArray());
      int value = -1;
      if (rest.length >= 8 && rest[rest.length - 8] == 0x01) {
        int at = rest.length - 4;
        value = (rest[at] & 0xff) | (rest[at + 1] & 0xff) << 8 | (rest[at + 2] & 0xff) << 16 | (rest[at + 3] & 0xff) << 24;
      }
      requested.add(value);
      return value;
    }

    void write(byte[] bytes) throws IOException {
      OutputStream out = socket.getOutputStream();
      out.write(bytes);
      out.flush();
    }

    void selected(int protocol, int flags) throws IOException {
      write(confirm(0x02, flags, protocol));
    }

    void failure(int code) throws IOException {
      write(confirm(0x03, 0, code));
    }

    /** Waits until the client closes the connection (or the server stops). */
    void holdUntilClosed() throws IOException {
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[1024];
      while (in.read(buffer) >= 0) {
        // discard
      }
    }

    /** Becomes the TLS server on this connection, records the SNI, then waits for the client to go. */
    void serveTls(SSLContext context, String... protocols) throws IOException {
      SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(socket, null, socket.getPort(), true);
      tls.setUseClientMode(false);
      if (protocols.length > 0) {
        tls.setEnabledProtocols(protocols);
      }
      tls.startHandshake();
      ExtendedSSLSession session = (ExtendedSSLSession) tls.getSession();
      session.getRequestedServerNames().stream()
          .filter(n -> n instanceof SNIHostName)
          .map(n -> ((SNIHostName) n).getAsciiName())
          .forEach(sniNames::add);
      tlsVersions.add(session.getProtocol());
      InputStream in = tls.getInputStream();
      while (in.read() >= 0) {
        // the probe closes right after the handshake
      }
    }

    /** Reads one TLS record from the client (its ClientHello), up to 64 KB. */
    byte[] readTlsRecord() throws IOException {
      InputStream in = socket.getInputStream();
      byte[] header = in.readNBytes(5);
      if (header.length < 5) {
        throw new EOFException();
      }
      int length = (header[3] & 0xff) << 8 | (header[4] & 0xff);
      return in.readNBytes(Math.min(length, 65536));
    }
  }

  static byte[] confirm(int type, int flags, int value) {
    return new byte[] {0x03, 0x00, 0x00, 0x13, 0x0e, (byte) 0xd0, 0x00, 0x00, 0x12, 0x34, 0x00,
        (byte) type, (byte) flags, 0x08, 0x00,
        (byte) value, (byte) (value >> 8), (byte) (value >> 16), (byte) (value >> 24)};
  }
}
