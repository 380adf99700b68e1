package dev.rdpdoctor.probe;

import dev.rdpdoctor.yaml.Excerpt;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
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

  /** A host name has at most 253 characters (without a final dot), as DNS carries it. */
  public static final int MAX_NAME = 253;

  /** A label (the part between two dots) has 1 to 63 characters. */
  public static final int MAX_LABEL = 63;

  private static final Pattern DIGITS_AND_DOTS = Pattern.compile("[0-9.]+");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]*(%[A-Za-z0-9_.-]{1,64})?");

  /**
   * Reads {@code HOST[:PORT]}; the port defaults to {@code defaultPort}. Refuses, saying why,
   * whatever a connect could not use: a name DNS cannot carry (over 253 characters, a label over
   * 63 or empty), an IPv4 address with a part over 255, an IPv6 address that does not parse
   * (an address with a port goes in brackets), a port outside 1-65535.
   */
  public static Target parse(String text, int defaultPort) {
    String t = text == null ? "" : text.strip();
    String quoted = "'" + Excerpt.of(t) + "'";
    String host;
    String port = null;
    if (t.startsWith("[")) {
      int close = t.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException(quoted + ": an IPv6 address needs its closing ']'");
      }
      host = t.substring(1, close);
      String rest = t.substring(close + 1);
      if (!rest.isEmpty()) {
        if (!rest.startsWith(":")) {
          throw new IllegalArgumentException(quoted + ": expected ':PORT' after ']'");
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
      throw new IllegalArgumentException(quoted + ": no host name; write HOST or HOST:PORT");
    }
    String problem = host.contains(":") || t.startsWith("[") ? ipv6Problem(host)
        : DIGITS_AND_DOTS.matcher(host).matches() ? ipv4Problem(host)
        : nameProblem(host);
    if (problem != null) {
      throw new IllegalArgumentException(quoted + ": " + problem);
    }
    int number = defaultPort;
    if (port != null) {
      if (!port.matches("\\d+")) {
        throw new IllegalArgumentException(quoted + ": the port '" + Excerpt.of(port) + "' is not a number");
      }
      if (port.length() > 5) {
        throw new IllegalArgumentException("port " + Excerpt.of(port) + " is out of range (1-65535)");
      }
      number = Integer.parseInt(port);
    }
    return new Target(host, number);
  }

  private static String ipv6Problem(String host) {
    String written = "'" + Excerpt.of(host) + "'";
    String hint = " (an IPv6 address with a port is written in brackets: [fe80::1]:3389)";
    if (!IPV6.matcher(host).matches() || !host.contains(":")) {
      return written + " is not an IPv6 address" + hint;
    }
    try {
      literal(host); // starts with a hex digit or a colon
      return null;
    } catch (IllegalArgumentException e) {
      return written + " is not an IPv6 address" + hint;
    }
  }

  private static String ipv4Problem(String host) {
    if (IPV4.matcher(host).matches() && Arrays.stream(host.split("\\.")).allMatch(part -> Integer.parseInt(part) <= 255)) {
      return null;
    }
    return "'" + Excerpt.of(host) + "' is not an IPv4 address: it has four numbers from 0 to 255, like 10.0.0.5";
  }

  private static String nameProblem(String host) {
    String written = "'" + Excerpt.of(host) + "'";
    String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    if (name.length() > MAX_NAME) {
      return String.format(Locale.ROOT, "a host name of %,d characters; DNS carries at most %d", name.length(), MAX_NAME);
    }
    if (!NAME.matcher(host).matches()) {
      return written + " is not a host name or address";
    }
    for (String label : name.split("\\.", -1)) {
      if (label.isEmpty()) {
        return written + " has an empty part between dots";
      }
      if (label.length() > MAX_LABEL) {
        return String.format(Locale.ROOT, "%s has a part of %d characters between dots; DNS allows at most %d",
            written, label.length(), MAX_LABEL);
      }
    }
    return null;
  }

  /** The address of a target written as one ({@link #isAddress()}). */
  InetAddress address() {
    return literal(host);
  }

  /**
   * An address literal as Java reads it. The one place of the tool that turns text into an
   * address without {@link DnsLookup}: {@link #parse} lets only literals through that start
   * with a digit or a colon, which Java parses and never looks up.
   */
  private static InetAddress literal(String host) {
    boolean ipv6 = host.contains(":") && IPV6.matcher(host).matches();
    if (!ipv6 && ipv4Problem(host) != null) {
      throw new IllegalArgumentException("'" + Excerpt.of(host) + "' is not an address");
    }
    try {
      return InetAddress.getByName(host); // an address literal: parsed, not looked up
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("'" + Excerpt.of(host) + "' is not a valid address", e);
    }
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
