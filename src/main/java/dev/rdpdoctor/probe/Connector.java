package dev.rdpdoctor.probe;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Locale;
import java.util.Objects;

/**
 * Opens TCP connections to the one peer it was made for, the host and port the user named, within
 * a deadline, and says why one failed: refused, timed out, unreachable. It is the only place the
 * probe opens a connection, and it has no way to connect anywhere else: nothing a server sends
 * can send the probe to another address or port.
 */
final class Connector {

  private final InetSocketAddress peer;

  Connector(InetSocketAddress peer) {
    this.peer = Objects.requireNonNull(peer, "peer");
  }

  InetSocketAddress peer() {
    return peer;
  }

  ConnectResult connect(Deadline deadline) {
    InetSocketAddress address = peer;
    Socket socket = new Socket();
    long start = System.nanoTime();
    try {
      socket.setTcpNoDelay(true);
      socket.connect(address, deadline.millisLeft());
      return new ConnectResult.Connected(socket, since(start));
    } catch (SocketTimeoutException e) {
      close(socket);
      return new ConnectResult.NotConnected(TcpOutcome.TIMED_OUT,
          "no answer to the connect within " + Math.round(since(start)) + " ms", since(start));
    } catch (NoRouteToHostException e) {
      close(socket);
      return new ConnectResult.NotConnected(TcpOutcome.UNREACHABLE, "no route to the host", since(start));
    } catch (ConnectException e) {
      close(socket);
      String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
      return message.contains("unreachable")
          ? new ConnectResult.NotConnected(TcpOutcome.UNREACHABLE, "the network is unreachable", since(start))
          : new ConnectResult.NotConnected(TcpOutcome.REFUSED, "the connection was refused (reset)", since(start));
    } catch (IOException e) {
      close(socket);
      return new ConnectResult.NotConnected(TcpOutcome.UNREACHABLE, "the connect failed: " + e.getMessage(), since(start));
    }
  }

  private static double since(long start) {
    return (System.nanoTime() - start) / 1_000_000.0;
  }

  private static void close(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // nothing was open
    }
  }
}
