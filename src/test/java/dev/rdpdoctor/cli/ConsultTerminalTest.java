package dev.rdpdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.rdpdoctor.NeedsSystemPackages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The consultation as a person uses it: in a real terminal (tmux), answers typed with
 * send-keys and the screen read with capture-pane. Needs tmux (CI installs it).
 */
@NeedsSystemPackages
class ConsultTerminalTest {

  private final String session = "rdp-doctor-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();

  @AfterEach
  void closeTheTerminal() throws Exception {
    run(List.of("tmux", "kill-session", "-t", session));
  }

  @Test
  void aPersonAnswersAtThePromptsAndGetsTheDiagnosis() throws Exception {
    requireTmux();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String command = java + " -cp " + System.getProperty("java.class.path")
        + " dev.rdpdoctor.cli.Main consult --rules rules facts-samples/code-only.yaml";
    assertThat(run(List.of("tmux", "new-session", "-d", "-s", session, "-x", "220", "-y", "60", command)).exit()).isZero();

    waitFor("Question 1", Duration.ofSeconds(60));
    type("why");
    waitFor("I ask because the answer separates these causes:", Duration.ofSeconds(20));
    type("1058");
    waitFor("Question 2", Duration.ofSeconds(20));
    type("quit");
    waitFor("Save these answers as a symptom file?", Duration.ofSeconds(20));
    String screen = screen();
    assertThat(screen).contains("Most likely cause: ").contains("cert-expired");
    type("");
  }

  private void type(String text) throws Exception {
    List<String> keys = new ArrayList<>(List.of("tmux", "send-keys", "-t", session));
    if (!text.isEmpty()) {
      keys.add("-l");
      keys.add(text);
      assertThat(run(keys).exit()).isZero();
      keys = new ArrayList<>(List.of("tmux", "send-keys", "-t", session));
    }
    keys.add("Enter");
    assertThat(run(keys).exit()).isZero();
  }

  private void waitFor(String text, Duration timeout) throws Exception {
    Instant end = Instant.now().plus(timeout);
    String screen = "";
    while (Instant.now().isBefore(end)) {
      screen = screen();
      if (screen.contains(text)) {
        return;
      }
      Thread.sleep(200);
    }
    fail("the terminal never showed '%s'; it shows:%n%s", text, screen);
  }

  private String screen() throws Exception {
    return run(List.of("tmux", "capture-pane", "-p", "-J", "-S", "-200", "-t", session)).out();
  }

  private static void requireTmux() throws Exception {
    try {
      if (run(List.of("tmux", "-V")).exit() == 0) {
        return;
      }
    } catch (IOException e) {
      // not installed
    }
    fail("tmux is needed for this test: apt-get install -y tmux");
  }

  private record Result(int exit, String out) {}

  private static Result run(List<String> command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Result(p.waitFor(), out);
  }
}
