package dev.rdpdoctor.serve;

import dev.rdpdoctor.problem.InvalidInputException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Sends each request to its handler by method and path ({@code /api/cases/{id}}), after the
 * {@link Guard}; turns a refusal into its status with one sentence (JSON for the API, a page for
 * people), a bad case into its located errors (422), and counts every request in the metrics by
 * its route's pattern.
 */
final class Routes extends Handler.Abstract {

  /** Who may reach a route, and how a request that changes something proves where it came from. */
  enum Kind {
    /** The JSON API: the token when one is set; a body in a media type the API reads. */
    API,
    /** A page: the token when one is set; a form with its CSRF field. */
    PAGE,
    /** Health, readiness, the stylesheet and script, the login page: no token (a form still needs its CSRF field). */
    OPEN
  }

  interface Handling {
    void handle(Exchange ex) throws Exception;
  }

  /** How a refusal is shown on a page. */
  interface ErrorPage {
    void show(Exchange ex, HttpError error);
  }

  private record Route(String method, String pattern, Pattern regex, List<String> names, Kind kind, boolean evidence,
      Handling handling) {}

  private static final Pattern PARAM = Pattern.compile("\\{([a-z]+)}");

  private final List<Route> routes = new ArrayList<>();
  private final Guard guard;
  private final ServerMetrics metrics;
  private final long maxBody;
  private final long maxEvidence;
  private final PrintWriter log;
  private ErrorPage errorPage = (ex, e) -> Api.error(ex, e);

  /**
   * @param maxBody the largest body of a request
   * @param maxEvidence the largest body of a request to a route that takes evidence
   */
  Routes(Guard guard, ServerMetrics metrics, long maxBody, long maxEvidence, PrintWriter log) {
    super(InvocationType.BLOCKING);
    this.guard = guard;
    this.metrics = metrics;
    this.maxBody = maxBody;
    this.maxEvidence = maxEvidence;
    this.log = log;
  }

  void errorPage(ErrorPage page) {
    this.errorPage = page;
  }

  Routes add(String method, String pattern, Kind kind, Handling handling) {
    return add(method, pattern, kind, false, handling);
  }

  /** A route whose requests carry evidence, so may be as large as the evidence limit. */
  Routes addEvidence(String method, String pattern, Kind kind, Handling handling) {
    return add(method, pattern, kind, true, handling);
  }

  private Routes add(String method, String pattern, Kind kind, boolean evidence, Handling handling) {
    List<String> names = new ArrayList<>();
    Matcher m = PARAM.matcher(pattern);
    StringBuilder regex = new StringBuilder();
    int last = 0;
    while (m.find()) {
      regex.append(Pattern.quote(pattern.substring(last, m.start()))).append("([^/]+)");
      names.add(m.group(1));
      last = m.end();
    }
    regex.append(Pattern.quote(pattern.substring(last)));
    routes.add(new Route(method, pattern, Pattern.compile(regex.toString()), names, kind, evidence, handling));
    return this;
  }

  /** The routes' patterns with their methods, as {@code GET /api/cases}: what the OpenAPI document must describe. */
  List<String> described(Kind kind) {
    return routes.stream().filter(r -> r.kind() == kind).map(r -> r.method() + " " + r.pattern()).toList();
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    long start = System.nanoTime();
    Exchange ex = new Exchange(request, response, callback, maxBody);
    Guard.secure(ex);
    String routeName = "unmatched";
    Kind kind = ex.path().startsWith("/api/") ? Kind.API : Kind.PAGE;
    try {
      guard.checkHost(ex);
      Route route = find(ex);
      routeName = route.pattern();
      kind = route.kind();
      if (kind != Kind.OPEN && !guard.authorised(ex)) {
        if (kind == Kind.API) {
          ex.header("WWW-Authenticate", "Bearer");
          throw new HttpError(401, "this server needs its token: Authorization: Bearer TOKEN");
        }
        throw new HttpError(401, "this server needs its token: sign in first");
      }
      ex.limitBody(route.evidence() ? maxEvidence : maxBody);
      if (!route.method().equals("GET")) {
        if (kind == Kind.API && route.evidence()) {
          Guard.checkEvidenceType(ex);
        } else if (kind == Kind.API) {
          Guard.checkApiType(ex);
        } else {
          guard.checkForm(ex);
        }
      }
      route.handling().handle(ex);
    } catch (HttpError e) {
      refuse(ex, kind, e);
    } catch (InvalidInputException e) {
      refuse(ex, kind, new HttpError(422, "the case has errors", e.errors()));
    } catch (Exception | StackOverflowError e) {
      log.println("rdp-doctor: internal error on " + ex.method() + " " + routeName + ": " + e);
      log.flush();
      refuse(ex, kind, new HttpError(500, "internal error: " + e.getClass().getSimpleName()));
    } finally {
      metrics.request(routeName, ex.method(), ex.status() == 0 ? 500 : ex.status(), System.nanoTime() - start);
    }
    if (!ex.sent()) {
      ex.fail(new IllegalStateException("no response"));
    }
    return true;
  }

  private void refuse(Exchange ex, Kind kind, HttpError e) {
    if (ex.sent()) {
      return;
    }
    if (kind == Kind.API || ex.path().equals("/metrics")) {
      Api.error(ex, e);
    } else {
      errorPage.show(ex, e);
    }
  }

  private Route find(Exchange ex) {
    String path = ex.path();
    boolean pathKnown = false;
    for (Route r : routes) {
      Matcher m = r.regex().matcher(path);
      if (!m.matches()) {
        continue;
      }
      pathKnown = true;
      if (r.method().equals(ex.method()) || (r.method().equals("GET") && ex.method().equals("HEAD"))) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < r.names().size(); i++) {
          params.put(r.names().get(i), m.group(i + 1));
        }
        ex.pathParams(params);
        return r;
      }
    }
    if (pathKnown) {
      throw new HttpError(405, ex.method() + " is not allowed here");
    }
    throw new HttpError(404, "nothing here");
  }
}
