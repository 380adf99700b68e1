package dev.rdpdoctor.serve;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What every request passes before a handler sees it: the security headers on every response, the
 * {@code Host} the request names (against DNS rebinding), the token when one is set, and for a
 * request that changes something, proof that it came from the server's own page (the form's CSRF
 * field equal to its cookie, and no other site as its origin) or, for the API, a media type no
 * other site's page can send without the server's consent.
 */
final class Guard {

  static final String CSRF_COOKIE = "rdpdoctor_csrf";
  static final String CSRF_FIELD = "csrf";
  static final String TOKEN_COOKIE = "rdpdoctor_token";
  /** Scripts, styles and images from the server alone; no frames, no plugins, forms only to itself. */
  static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
      + " connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
  /** The media types the API reads: none of them is one another site's page can send unasked. */
  static final Set<String> API_TYPES = Set.of("application/json", "application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml");

  private final Optional<byte[]> token;
  private final Set<String> hosts;
  private final SecureRandom random = new SecureRandom();

  /**
   * @param hosts the names a request's {@code Host} may give (without port): the loopback names,
   *     the address listened on, and any the user allowed
   */
  Guard(Optional<String> token, String listenHost, List<String> allowedHosts) {
    this.token = token.map(t -> t.getBytes(StandardCharsets.UTF_8));
    java.util.Set<String> h = new java.util.HashSet<>(Set.of("localhost", "127.0.0.1", "[::1]"));
    h.add(listenHost.toLowerCase(Locale.ROOT));
    allowedHosts.forEach(a -> h.add(a.toLowerCase(Locale.ROOT)));
    this.hosts = Set.copyOf(h);
  }

  /** The headers every response carries. */
  static void secure(Exchange ex) {
    ex.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    ex.header("X-Content-Type-Options", "nosniff");
    ex.header("X-Frame-Options", "DENY");
    ex.header("Referrer-Policy", "no-referrer");
    ex.header("Cross-Origin-Opener-Policy", "same-origin");
    ex.header("Cross-Origin-Resource-Policy", "same-origin");
    ex.header("Cache-Control", "no-store");
  }

  /** Refuses a request whose {@code Host} names another machine: a page elsewhere, rebinding its name to this one. */
  void checkHost(Exchange ex) {
    String host = ex.header("Host").orElse("").toLowerCase(Locale.ROOT);
    String name = host.startsWith("[") ? host.substring(0, host.indexOf(']') + 1)
        : host.contains(":") ? host.substring(0, host.indexOf(':')) : host;
    if (!hosts.contains(name)) {
      throw new HttpError(421, "this server does not answer to the host name '" + name + "'; start it with --allow-host "
          + (name.isEmpty() ? "NAME" : name) + " to let it");
    }
  }

  boolean needsToken() {
    return token.isPresent();
  }

  /** Whether the request carries the token, as a bearer token or in the login cookie. */
  boolean authorised(Exchange ex) {
    if (token.isEmpty()) {
      return true;
    }
    Optional<String> given = ex.header("Authorization")
        .filter(a -> a.regionMatches(true, 0, "Bearer ", 0, 7))
        .map(a -> a.substring(7).strip())
        .or(() -> ex.cookie(TOKEN_COOKIE));
    return given.isPresent() && matches(given.get());
  }

  boolean matches(String given) {
    return token.isPresent() && MessageDigest.isEqual(token.get(), given.getBytes(StandardCharsets.UTF_8));
  }

  /** The CSRF token of this browser: its cookie, or a new one set now. */
  String csrfToken(Exchange ex) {
    Optional<String> known = ex.cookie(CSRF_COOKIE).filter(v -> v.matches("[0-9a-f]{32}"));
    if (known.isPresent()) {
      return known.get();
    }
    byte[] b = new byte[16];
    random.nextBytes(b);
    String made = HexFormat.of().formatHex(b);
    ex.setCookie(CSRF_COOKIE, made, true);
    return made;
  }

  /** A page's form that changes something came from one of the server's own pages. */
  void checkForm(Exchange ex) {
    String site = ex.header("Sec-Fetch-Site").orElse("same-origin");
    if (site.equals("cross-site") || site.equals("same-site")) {
      throw new HttpError(403, "a form from another site was refused");
    }
    Optional<String> cookie = ex.cookie(CSRF_COOKIE);
    Optional<String> field = ex.form().first(CSRF_FIELD);
    if (cookie.isEmpty() || field.isEmpty()
        || !MessageDigest.isEqual(cookie.get().getBytes(StandardCharsets.UTF_8), field.get().getBytes(StandardCharsets.UTF_8))) {
      throw new HttpError(403, "the form has expired or did not come from this server's page: reload the page and send it again");
    }
  }

  /** An API request that changes something has a body in a media type the API reads. */
  static void checkApiType(Exchange ex) {
    String type = ex.mediaType().orElse("");
    if (!API_TYPES.contains(type)) {
      throw new HttpError(415, "send the body as application/json or application/yaml"
          + (type.isEmpty() ? "" : ", not " + type));
    }
  }

  /**
   * Evidence comes to the API as a zip, or one export as bytes: media types a page on another site
   * cannot send without the browser asking the server first, which it does not allow.
   */
  static void checkEvidenceType(Exchange ex) {
    String type = ex.mediaType().orElse("");
    if (!type.equals("application/zip") && !type.equals("application/octet-stream")) {
      throw new HttpError(415, "send the evidence as application/zip (or one export as application/octet-stream)"
          + (type.isEmpty() ? "" : ", not " + type));
    }
  }
}
