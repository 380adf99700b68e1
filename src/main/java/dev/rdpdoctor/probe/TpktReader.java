package dev.rdpdoctor.probe;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * Reads exactly one TPKT packet (T.123 section 8) from a socket, and not a byte more: what
 * follows belongs to the TLS layer. The length field is checked against a cap before anything
 * is allocated, and every read waits no longer than the deadline.
 */
final class TpktReader {

  /** Larger than any Connection Confirm (11 or 19 bytes), far below what a length field allows. */
  static final int MAX_CONFIRM = 1024;

  private TpktReader() {}

  /** Thrown for bytes that are not a TPKT the probe can accept. */
  static final class NotTpkt extends IOException {
    NotTpkt(String message) {
      super(message);
    }
  }

  /** Thrown when the peer stops sending; {@code received} bytes came before. */
  static final class CutShort extends EOFException {
    final int received;

    CutShort(int received, String message) {
      super(message);
      this.received = received;
    }
  }

  static byte[] read(Socket socket, Deadline deadline, int cap) throws IOException {
    InputStream in = socket.getInputStream();
    byte[] header = new byte[4];
    readFully(socket, in, header, 0, deadline);
    if (header[0] != 0x03) {
      throw new NotTpkt(String.format("the reply starts with 0x%02x %s, not a TPKT header (0x03)",
          header[0] & 0xff, printable(header)));
    }
    int length = (header[2] & 0xff) << 8 | (header[3] & 0xff);
    if (length < 4) {
      throw new NotTpkt("the TPKT length field says " + length + " bytes, less than its own header");
    }
    if (length > cap) {
      throw new NotTpkt("the TPKT length field says " + length + " bytes, more than any Connection Confirm ("
          + cap + " at most)");
    }
    byte[] packet = new byte[length];
    System.arraycopy(header, 0, packet, 0, 4);
    readFully(socket, in, packet, 4, deadline);
    return packet;
  }

  /** Thrown when the deadline passes; {@code received} bytes came before. */
  static final class Stalled extends SocketTimeoutException {
    final int received;

    Stalled(int received) {
      super(received + " bytes before the deadline");
      this.received = received;
    }
  }

  private static void readFully(Socket socket, InputStream in, byte[] into, int from, Deadline deadline)
      throws IOException {
    int at = from;
    while (at < into.length) {
      socket.setSoTimeout(deadline.millisLeft());
      int n;
      try {
        n = in.read(into, at, into.length - at);
      } catch (SocketTimeoutException e) {
        throw new Stalled(at);
      }
      if (n < 0) {
        throw new CutShort(at, at == 0 ? "the server closed the connection without answering"
            : "the server closed the connection after " + at + " of " + expected(into, at) + " bytes");
      }
      at += n;
    }
  }

  private static String expected(byte[] into, int at) {
    return at < 4 ? "the 4-byte TPKT header's" : String.valueOf(into.length);
  }

  private static String printable(byte[] bytes) {
    StringBuilder text = new StringBuilder();
    for (byte b : bytes) {
      text.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
    }
    return "('" + text + "')";
  }
}
