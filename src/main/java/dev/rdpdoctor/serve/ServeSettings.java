package dev.rdpdoctor.serve;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How {@code rdp-doctor serve} runs.
 *
 * @param host the address to listen on; a loopback address unless a token is given
 * @param port the port; 0 for any free one
 * @param store the case store's folder
 * @param token what every request but the health checks must carry ({@code Authorization: Bearer
 *     TOKEN}, or the cookie the login page sets); empty on a loopback address
 * @param allowedHosts the names a request's {@code Host} may give besides the address listened on
 *     and the loopback names, so a page on another site cannot reach the server by DNS rebinding
 * @param maxRequestBytes the largest request body
 * @param maxEvidenceBytes the largest request body that carries evidence (a collector's zip, a
 *     folder of exports)
 * @param idleTimeout how long a connection may send nothing before it is closed
 * @param maxConcurrent requests handled at once; the others wait, at most {@code queueWait}
 * @param threads the most threads serving requests
 */
public record ServeSettings(String host, int port, Path store, Optional<String> token, List<String> allowedHosts,
    long maxRequestBytes, long maxEvidenceBytes, Duration idleTimeout, int maxConcurrent, Duration queueWait, int threads) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8080;
  /** A pasted or uploaded case (256 KiB at most) with the form around it. */
  public static final long DEFAULT_MAX_REQUEST_BYTES = 1L << 20;
  /** A collector's zip is a few hundred kilobytes; a folder of its exports, uploaded unzipped, a few megabytes. */
  public static final long DEFAULT_MAX_EVIDENCE_BYTES = 16L << 20;
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(20);
  /**
   * Twice the cores: more diagnoses at once only share the same cores, each taking longer (on 2
   * cores under 50 connections, 4 at once served about twice the requests of 64 at once, with a
   * third of the 99th-percentile latency; bench/serve.sh); the others wait their turn unthreaded.
   */
  public static final int DEFAULT_MAX_CONCURRENT = Math.max(2, 2 * Runtime.getRuntime().availableProcessors());
  public static final Duration DEFAULT_QUEUE_WAIT = Duration.ofSeconds(5);
  /** The shortest token accepted. */
  public static final int MIN_TOKEN_LENGTH = 16;

  public ServeSettings {
    allowedHosts = List.copyOf(allowedHosts);
  }

  /** The defaults, on {@code host:port} with the store in {@code store}. */
  public static ServeSettings of(String host, int port, Path store, Optional<String> token, List<String> allowedHosts) {
    return new ServeSettings(host, port, store, token, allowedHosts, DEFAULT_MAX_REQUEST_BYTES, DEFAULT_MAX_EVIDENCE_BYTES,
        DEFAULT_IDLE_TIMEOUT,
        DEFAULT_MAX_CONCURRENT, DEFAULT_QUEUE_WAIT, DEFAULT_MAX_CONCURRENT + 8);
  }

  /** Whether {@code host} names only this machine: a loopback address or {@code localhost}. */
  public static boolean loopback(String host) {
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    try {
      // an address literal is parsed, never looked up
      if (!host.matches("[0-9.]+|\\[?[0-9a-fA-F:]+]?")) {
        return false;
      }
      return InetAddress.getByName(host.replace("[", "").replace("]", "")).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /**
   * Why these settings cannot serve, if they cannot: a non-loopback address without a token, or a
   * token too short to guess.
   */
  public Optional<String> problem() {
    if (token.isPresent() && token.get().length() < MIN_TOKEN_LENGTH) {
      return Optional.of("the token must be at least " + MIN_TOKEN_LENGTH + " characters");
    }
    if (token.isEmpty() && !loopback(host)) {
      return Optional.of("serving on " + host + " (not this machine alone) needs a token: --token-file FILE or"
          + " RDP_DOCTOR_TOKEN; or serve on 127.0.0.1 behind a reverse proxy that authenticates (see the README)");
    }
    return Optional.empty();
  }

  /** The folder the store uses by default: {@code $XDG_DATA_HOME/rdp-doctor/cases}, or {@code ~/.local/share/rdp-doctor/cases}. */
  public static Path defaultStore(Optional<String> xdgDataHome, String userHome) {
    Path base = xdgDataHome.filter(s -> !s.isBlank()).map(Path::of).filter(Path::isAbsolute)
        .orElse(Path.of(userHome, ".local", "share"));
    return base.resolve("rdp-doctor").resolve("cases");
  }
}
