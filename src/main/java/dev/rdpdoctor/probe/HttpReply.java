package dev.rdpdoctor.probe;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The status and {@code WWW-Authenticate} schemes of an HTTP reply, read up to the end of its
 * headers and no further, with the header block capped.
 */
record HttpReply(int status, List<String> authSchemes) {

  static final int MAX_HEADERS = 32 * 1024;

  HttpReply {
    authSchemes = List.copyOf(authSchemes);
  }

  static HttpReply read(Socket socket, Deadline deadline) throws IOException {
    String head = headerBlock(socket, deadline);
    String[] lines = head.split("\r?\n");
    String first = lines.length == 0 ? "" : lines[0]; // a reply of blank lines splits into none
    String[] statusLine = first.split(" ", 3);
    if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/") || !statusLine[1].matches("[1-5]\\d\\d")) {
      throw new IOException("the reply is not HTTP: '" + abbreviate(first) + "'");
    }
    List<String> schemes = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0 && lines[i].substring(0, colon).strip().equalsIgnoreCase("WWW-Authenticate")) {
        String value = lines[i].substring(colon + 1).strip();
        String scheme = value.split("[\\s,]", 2)[0];
        if (!scheme.isEmpty() && schemes.stream().noneMatch(scheme::equalsIgnoreCase)) {
          schemes.add(scheme);
        }
      }
    }
    return new HttpReply(Integer.parseInt(statusLine[1]), schemes);
  }

  private static String headerBlock(Socket socket, Deadline deadline) throws IOException {
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0; // progress through "\r\n\r\n"
    while (head.size() < MAX_HEADERS) {
      socket.setSoTimeout(deadline.millisLeft());
      int b = in.read();
      if (b < 0) {
        if (head.size() == 0) {
          throw new EOFException("the server closed the connection without an HTTP answer");
        }
        break;
      }
      head.write(b);
      matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
          ? matched + 1 : (b == '\r' ? 1 : 0);
      if (matched == 4) {
        break;
      }
    }
    if (matched != 4 && head.size() >= MAX_HEADERS) {
      throw new IOException("the HTTP headers exceed " + MAX_HEADERS + " bytes");
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  private static String abbreviate(String line) {
    String printable = line.replaceAll("[^\\x20-\\x7e]", ".");
    return printable.length() > 60 ? printable.substring(0, 60) + "..." : printable;
  }
}
