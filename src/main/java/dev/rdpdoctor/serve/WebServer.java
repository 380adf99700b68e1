package dev.rdpdoctor.serve;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * {@code rdp-doctor serve}: Jetty's HTTP server with the pages, the API, health, readiness and
 * metrics. Requests are bounded in size (larger ones get 413, their bodies dropped unkept), in the
 * number handled at once (the others wait a few seconds, then get 503) and in idle time; each
 * case's diagnosis keeps the engine's own limits (firings, time, memory).
 */
public final class WebServer implements AutoCloseable {

  private final Server server;
  private final ServerConnector connector;
  private final Routes routes;

  private WebServer(Server server, ServerConnector connector, Routes routes) {
    this.server = server;
    this.connector = connector;
    this.routes = routes;
  }

  /**
   * Starts serving; returns once the port is bound.
   *
   * @param log where internal errors are said, one line each
   */
  public static WebServer start(ServeSettings settings, Doctor doctor, String knowledgeName, PrintWriter log) throws Exception {
    settings.problem().ifPresent(p -> {
      throw new IllegalArgumentException(p);
    });
    CaseStore store = new CaseStore(settings.store(), doctor);
    store.open();
    ServerMetrics metrics = new ServerMetrics();
    Guard guard = new Guard(settings.token(), settings.host(), settings.allowedHosts());
    Routes routes = new Routes(guard, metrics, settings.maxRequestBytes(), settings.maxEvidenceBytes(), log);
    new Api(doctor, store, metrics).register(routes);
    Pages pages = new Pages(doctor, store, metrics, guard, knowledgeName);
    pages.register(routes);
    routes.errorPage(pages::error);
    byte[] openApi = resource("openapi.yaml");
    routes.add("GET", "/health", Routes.Kind.OPEN, ex -> Api.send(ex, 200, Api.JSON.createObjectNode().put("status", "up")))
        .add("GET", "/ready", Routes.Kind.OPEN, ex -> {
          boolean ready = store.ready();
          ObjectNode out = Api.JSON.createObjectNode().put("status", ready ? "ready" : "not ready")
              .put("knowledge", knowledgeName).put("store", ready ? "writable" : "cannot be written");
          Api.send(ex, ready ? 200 : 503, out);
        })
        .add("GET", "/metrics", Routes.Kind.API, ex -> ex.send(200, metrics.contentType(), metrics.scrape()))
        .add("GET", "/api/openapi.yaml", Routes.Kind.API, ex -> ex.send(200, "application/yaml", openApi))
        .add("GET", "/api/openapi.json", Routes.Kind.API,
            ex -> ex.send(200, Api.JSON_TYPE, Api.JSON.writeValueAsBytes(dev.rdpdoctor.yaml.YamlMapper.yaml().readTree(openApi))));

    QueuedThreadPool threads = new QueuedThreadPool(settings.threads(), Math.min(8, settings.threads()));
    threads.setName("rdp-doctor-http");
    Server server = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    http.setRequestHeaderSize(16 * 1024);
    http.setIdleTimeout(settings.idleTimeout().toMillis());
    ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
    connector.setHost(settings.host());
    connector.setPort(settings.port());
    connector.setIdleTimeout(settings.idleTimeout().toMillis());
    server.addConnector(connector);
    QoSHandler oneAtATime = new QoSHandler(routes);
    oneAtATime.setMaxRequestCount(settings.maxConcurrent());
    oneAtATime.setMaxSuspend(settings.queueWait());
    oneAtATime.setRejectStatusCode(503);
    // each route refuses a body past its own limit (Routes, Exchange) with the API's or a page's
    // error; this one stops any body past the largest of them as it is read, in whatever framing
    long largest = Math.max(settings.maxRequestBytes(), settings.maxEvidenceBytes());
    server.setHandler(new SizeLimitHandler(largest + (64 << 10), -1) {
      {
        setHandler(oneAtATime);
      }
    });
    ErrorHandler errors = new ErrorHandler();
    errors.setShowStacks(false);
    errors.setShowMessageInTitle(false);
    server.setErrorHandler(errors);
    server.setStopTimeout(2000);
    server.start();
    return new WebServer(server, connector, routes);
  }

  static byte[] resource(String name) {
    try (InputStream in = WebServer.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return connector.getLocalPort();
  }

  /** The address to open in a browser. */
  public URI address() {
    String host = connector.getHost();
    String shown = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    return URI.create("http://" + shown + ":" + port() + "/");
  }

  /** The API's routes as {@code METHOD /path}, to check the OpenAPI document against. */
  public List<String> apiRoutes() {
    return routes.described(Routes.Kind.API);
  }

  /** Waits until the server stops. */
  public void join() throws InterruptedException {
    server.join();
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
