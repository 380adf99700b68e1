package dev.rdpdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rdp-doctor serve} as a process: what it prints, what it refuses, and what other commands never load. */
class ServeCommandTest {

  private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

  private static List<String> command(String... args) {
    List<String> c = new ArrayList<>(List.of(JAVA, "-Drdpdoctor.rules=rules", "-cp", System.getProperty("java.class.path"),
        "dev.rdpdoctor.cli.Main"));
    c.addAll(List.of(args));
    return c;
  }

  /** {@code diagnose} must start as fast as before the server existed: none of its classes, nor Jetty's, are loaded. */
  @Test
  void diagnoseLoadsNoClassOfTheServer() throws Exception {
    List<String> c = command("diagnose", "facts-samples/cert-expired.yaml");
    c.add(1, "-Xlog:class+load=info");
    Process p = new ProcessBuilder(c).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();

    assertThat(p.exitValue()).isZero();
    assertThat(output).contains("dev.rdpdoctor.cli.ServeCommand").contains("Most likely cause");
    assertThat(output).doesNotContain("dev.rdpdoctor.serve.").doesNotContain("org.eclipse.jetty").doesNotContain("gg.jte")
        .doesNotContain("io.prometheus").doesNotContain("dev.rdpdoctor.cli.Serving");
  }

  @Test
  void serveAnswersOnThePortItPrintsUntilItIsStopped(@TempDir Path store) throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Process p = new ProcessBuilder(command("serve", "--port", Integer.toString(port), "--store", store.toString()))
        .redirectErrorStream(true).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String first = out.readLine();
      assertThat(first).isEqualTo("rdp-doctor: serving http://127.0.0.1:" + port + "/ (rules: rules, cases: " + store + ")");
      HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
          .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
    } finally {
      p.destroy();
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void servingOnAnAddressBeyondThisMachineWithoutATokenIsAUsageError(@TempDir Path store) {
    CliRun run = CliRun.of("serve", "--host", "0.0.0.0", "--store", store.toString());

    assertThat(run.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("needs a token").contains("reverse proxy");
    assertThat(run.err().lines().count()).isEqualTo(2);
  }

  @Test
  void aTokenFileOfFewerThanSixteenCharactersIsAUsageError(@TempDir Path dir) throws Exception {
    Path token = Files.writeString(dir.resolve("token"), "short\n");

    CliRun run = CliRun.of("serve", "--host", "0.0.0.0", "--token-file", token.toString(), "--store", dir.toString());

    assertThat(run.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("at least 16 characters");
  }

  @Test
  void aPortThatIsTakenIsOneLineSayingSo(@TempDir Path store) throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      CliRun run = CliRun.of("serve", "--port", Integer.toString(taken.getLocalPort()), "--store", store.toString());

      assertThat(run.exit()).isEqualTo(ExitCode.USAGE);
      assertThat(run.err().strip()).startsWith("rdp-doctor: error: cannot serve on 127.0.0.1:" + taken.getLocalPort())
          .contains("--port").doesNotContain("\n").doesNotContain("Exception");
    }
  }
}
