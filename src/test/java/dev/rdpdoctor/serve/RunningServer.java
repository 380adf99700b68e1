package dev.rdpdoctor.serve;

import dev.rdpdoctor.Fixtures;
import dev.rdpdoctor.knowledge.KnowledgeBase;
import dev.rdpdoctor.knowledge.load.CompiledKnowledgeLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The server on 127.0.0.1 and a free port, with a store in a temporary folder, and a client for it. */
final class RunningServer implements AutoCloseable {

  final WebServer server;
  final Path store;
  final StringWriter log = new StringWriter();
  final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  RunningServer(Path store) {
    this(ServeSettings.of("127.0.0.1", 0, store, Optional.empty(), List.of()));
  }

  RunningServer(ServeSettings settings) {
    this.store = settings.store();
    try {
      this.server = WebServer.start(settings, new Doctor(knowledge(), Clock.systemDefaultZone()), "rules",
          new PrintWriter(log, true));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static KnowledgeBase knowledge;

  /** The project's rules as the command line loads them: precompiled. */
  static synchronized KnowledgeBase knowledge() {
    if (knowledge == null) {
      knowledge = new CompiledKnowledgeLoader(message -> { }).load(Fixtures.RULES);
    }
    return knowledge;
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  HttpResponse<String> get(String path, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET();
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return send(b.build());
  }

  HttpResponse<String> post(String path, String contentType, byte[] body, String... headers) {
    return send(path, "POST", contentType, body, headers);
  }

  HttpResponse<String> send(String path, String method, String contentType, byte[] body, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
        .method(method, HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", contentType);
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return send(b.build());
  }

  HttpResponse<String> post(String path, String contentType, String body, String... headers) {
    return post(path, contentType, body.getBytes(StandardCharsets.UTF_8), headers);
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() throws Exception {
    server.close();
  }
}
