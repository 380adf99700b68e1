package dev.rdpdoctor.probe;

import java.util.regex.Pattern;

/**
 * What to probe: {@code HOST[:PORT]}, with an IPv6 address in brackets ({@code [::1]:3389}).
 *
 * @param host the name or address as the user connects to it
 */
public record Target(String host, int port) {

  public static final int RDP_PORT = 3389;

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_])?\\.?");

  public Target {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("no host name");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port " + port + " is out of range (1-65535)");
    }
  }

  /** Reads {@code HOST[:PORT]}; the port defaults to {@code defaultPort}. */
  public static Target parse(String text, int defaultPort) {
    String t = text == null ? "" : text.strip();
    String host;
    String port = null;
    if (t.startsWith("[")) {
      int close = t.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException("'" + text + "': an IPv6 address needs its closing ']'");
      }
      host = t.substring(1, close);
      String rest = t.substring(close + 1);
      if (!rest.isEmpty()) {
        if (!rest.startsWith(":")) {
          throw new IllegalArgumentException("'" + text + "': expected ':PORT' after ']'");
        }
        port = rest.substring(1);
      }
    } else if (t.indexOf(':') != t.lastIndexOf(':')) {
      host = t; // a bare IPv6 address
    } else {
      int colon = t.indexOf(':');
      host = colon < 0 ? t : t.substring(0, colon);
      port = colon < 0 ? null : t.substring(colon + 1);
    }
    if (host.isEmpty()) {
      throw new IllegalArgumentException("'" + text + "': no host name; write HOST or HOST:PORT");
    }
    if (!isAddressLiteral(host) && !NAME.matcher(host).matches()) {
      throw new IllegalArgumentException("'" + text + "': '" + host + "' is not a host name or address");
    }
    int number = defaultPort;
    if (port != null) {
      if (!port.matches("\\d{1,5}")) {
        throw new IllegalArgumentException("'" + text + "': the port '" + port + "' is not a number");
      }
      number = Integer.parseInt(port);
    }
    return new Target(host, number);
  }

  /** True for an IPv4 or IPv6 address, which needs no DNS lookup and carries no SNI. */
  public static boolean isAddressLiteral(String host) {
    return IPV4.matcher(host).matches() || host.contains(":");
  }

  public boolean isAddress() {
    return isAddressLiteral(host);
  }

  @Override
  public String toString() {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
