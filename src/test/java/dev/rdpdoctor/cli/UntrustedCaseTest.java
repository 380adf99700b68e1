package dev.rdpdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rdpdoctor.Fixtures;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A symptom file is data: values that look like code, paths or addresses are quoted, never run,
 * opened or fetched, in every report format.
 */
class UntrustedCaseTest {

  @Test
  void valuesThatLookLikeCodePathsOrAddressesAreOnlyQuoted(@TempDir Path dir) throws Exception {
    Path marker = dir.resolve("ran");
    try (ServerSocket canary = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      AtomicInteger visits = new AtomicInteger();
      Thread listener = new Thread(() -> {
        while (!canary.isClosed()) {
          try (Socket visitor = canary.accept()) {
            visits.incrementAndGet();
            visitor.getInputStream().available();
          } catch (IOException e) {
            return;
          }
        }
      });
      listener.setDaemon(true);
      listener.start();
      String url = "http://127.0.0.1:" + canary.getLocalPort() + "/";
      String touch = "touch " + marker;
      Path file = Files.writeString(dir.resolve("case.yaml"), """
          title: "${jndi:ldap://127.0.0.1:%1$d/x} #{T(java.lang.Runtime).getRuntime().exec('%2$s')}"
          notes: "@java.lang.Runtime@getRuntime().exec('%2$s'); <script>fetch('%3$s')</script>"
          error: {code: 0x904, extended: 0x7, message: "%3$s"}
          path: {target: "%3$s", gateway: {fqdn: "../../../etc/passwd", certificate_names: [/etc/shadow]}}
          host: {name: "$(%2$s)"}
          events:
            - {id: 1058, text: "java.lang.Runtime.getRuntime().exec(\\"%2$s\\") file:///etc/passwd"}
          """.formatted(canary.getLocalPort(), touch, url));
      for (String format : List.of("text", "json", "markdown", "html")) {
        CliRun run = CliRun.of("diagnose", "--rules", Fixtures.RULES.toString(), "--explain", "--format", format, file.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).doesNotContain("root:x:0:0");
        if (!format.equals("html")) {
          assertThat(run.out()).contains("Runtime");
        }
      }
      Thread.sleep(200);
      assertThat(marker).as("no command ran").doesNotExist();
      assertThat(visits).as("no connection was made").hasValue(0);
    }
  }
}
