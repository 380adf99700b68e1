package dev.rdpdoctor.cli;

import dev.rdpdoctor.knowledge.KnowledgeBase;
import dev.rdpdoctor.serve.Doctor;
import dev.rdpdoctor.serve.ServeSettings;
import dev.rdpdoctor.serve.WebServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Starts the server for {@link ServeCommand} and waits until the process is stopped. Kept apart
 * from the command, which picocli makes for every command line, so that only {@code serve}
 * loads the server's classes.
 */
final class Serving {

  private Serving() {}

  static Path defaultStore(Optional<String> xdgDataHome, String userHome) {
    return ServeSettings.defaultStore(xdgDataHome, userHome);
  }

  static Optional<String> problem(String host, Optional<String> token) {
    return ServeSettings.of(host, 0, Path.of("."), token, List.of()).problem();
  }

  static int run(String host, int port, Path store, Optional<String> token, List<String> allowedHosts,
      KnowledgeBase knowledge, String knowledgeName, PrintWriter out, PrintWriter err) throws Exception {
    ServeSettings settings = ServeSettings.of(host, port, store, token, allowedHosts);
    WebServer server;
    try {
      server = WebServer.start(settings, new Doctor(knowledge, Clock.systemDefaultZone()), knowledgeName, err);
    } catch (IOException e) {
      Throwable cause = e instanceof BindException || e.getCause() == null ? e : e.getCause();
      err.println("rdp-doctor: error: cannot serve on " + host + ":" + port + ": " + cause.getMessage()
          + (cause instanceof BindException ? " (another --port?)" : ""));
      err.flush();
      return ExitCode.USAGE;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        server.close();
      } catch (Exception e) {
        // stopping anyway
      }
    }, "rdp-doctor-stop"));
    out.println("rdp-doctor: serving " + server.address() + " (rules: " + knowledgeName + ", cases: " + store + ")");
    out.println("rdp-doctor: the API is described at " + server.address() + "api/openapi.yaml; Ctrl-C stops");
    out.flush();
    server.join();
    return ExitCode.OK;
  }
}
