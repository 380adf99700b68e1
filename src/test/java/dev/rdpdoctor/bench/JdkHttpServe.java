package dev.rdpdoctor.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.rdpdoctor.knowledge.KnowledgeBase;
import dev.rdpdoctor.knowledge.load.CompiledKnowledgeLoader;
import dev.rdpdoctor.problem.InvalidInputException;
import dev.rdpdoctor.serve.Doctor;
import dev.rdpdoctor.serve.ServeSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Executors;

/**
 * The other HTTP server the benchmark weighs Jetty against: the JDK's own
 * {@code com.sun.net.httpserver}, serving {@code POST /api/diagnose} and {@code GET /health} with
 * the same {@link Doctor} (so the difference is the server alone). Not part of the tool.
 *
 * <pre>JdkHttpServe PORT [THREADS]</pre>
 */
public final class JdkHttpServe {

  private JdkHttpServe() {}

  public static void main(String[] args) throws IOException {
    int port = Integer.parseInt(args[0]);
    // as many threads as serve handles requests at once, plus its spare ones
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : ServeSettings.DEFAULT_MAX_CONCURRENT + 8;
    KnowledgeBase knowledge = new CompiledKnowledgeLoader(m -> { }).load(Path.of("rules"));
    Doctor doctor = new Doctor(knowledge, Clock.systemDefaultZone());
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
    server.setExecutor(Executors.newFixedThreadPool(threads));
    server.createContext("/health", ex -> send(ex, 200, "{\"status\":\"up\"}"));
    server.createContext("/api/diagnose", ex -> {
      byte[] body;
      try (InputStream in = ex.getRequestBody()) {
        body = in.readNBytes(1 << 20);
      }
      try {
        String query = ex.getRequestURI().getQuery();
        if (query != null && query.contains("format=jsonl")) {
          send(ex, 200, new String(doctor.resultLine(doctor.read("request", body), body), StandardCharsets.UTF_8));
          return;
        }
        boolean checks = query == null || !query.contains("next_checks=false");
        send(ex, 200, doctor.json(doctor.diagnose(doctor.read("request", body), checks), false));
      } catch (InvalidInputException e) {
        send(ex, 422, "{\"error\":\"the case has errors\"}");
      }
    });
    server.start();
    System.out.println("serving http://127.0.0.1:" + port + "/");
  }

  private static void send(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }
}
