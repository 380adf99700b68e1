package dev.rdpdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rdpdoctor.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The knowledge team grows the facts the rules read, as rules/README.md ("A fact the rules
 * cannot read yet") tells it to: in a copy of the rules folder, with no Java and no rebuild, it
 * declares a key with its allowed values, writes a rule on it, a question for it and a sample
 * that uses it, and every command takes the key in.
 */
class KnowledgeTeamTest {

  private static final String KEY = """
            secure_channel:
              type: one-of
              of: SecureChannel
              doc: what Test-ComputerSecureChannel says on the host about its trust with the domain
              example: broken
      """;

  private static final String SET = """
      sets:
        SecureChannel:
          healthy: [ok]
          broken: [trust-broken]
      """;

  private static final String RULE = """
      package host;

      import facts.DifferentialTests;
      import facts.SecureChannel;

      rule "The host's secure channel with the domain is broken"
        @id("HOST-990") @cause("secure-channel-broken") @cf(0.8) @sources("ms-event-id-rdp")
      when
        DifferentialTests(secureChannel == SecureChannel.BROKEN)
      then
      end
      """;

  private static final String CAUSE = """
        - id: secure-channel-broken
          title: The host has lost its trust with the domain
          area: host
          summary: >-
            The host's computer account password no longer matches the domain's copy, so NLA cannot
            check a domain account's credentials.
          sources: [ms-event-id-rdp]
          fixes:
            - id: repair-secure-channel
              title: Repair the secure channel
              risk: medium
              restart: none
              steps:
                - "On the host, as a domain administrator: Test-ComputerSecureChannel -Repair"
              rollback: "Nothing to undo: the machine password is renewed, as it is every 30 days."
              verify: "Test-ComputerSecureChannel returns True, and a domain account connects."
      """;

  private static final String QUESTION = """
        - fact: tests.secure_channel
          ask: "On the host, what does Test-ComputerSecureChannel return (True is healthy, False is broken)?"
          how: "PowerShell on the host, signed in with a local account: Test-ComputerSecureChannel"
          cost: medium
      """;

  private static final String SAMPLE = """
      title: domain users cannot connect, the local administrator can
      error: {code: 0x904, extended: 0x7}
      tests:
        secure_channel: trust-broken
      expect:
        top: secure-channel-broken
      """;

  @Test
  void aNewKeyIsDeclaredReadAskedAndUsedWithoutJava(@TempDir Path dir) throws Exception {
    Path rules = Fixtures.copyOfRules(dir.resolve("rules"));
    Path vocabulary = rules.resolve("vocabulary/tests.yaml");
    String tests = Files.readString(vocabulary);
    Files.writeString(vocabulary, tests.replaceFirst("(?m)^    keys:\n", "    keys:\n" + KEY) + SET);
    int keyLine = (int) Files.readString(vocabulary).lines().takeWhile(l -> !l.contains("secure_channel:")).count() + 1;

    // declared but weighed by nothing yet: a warning at the key, and the check still passes
    CliRun unread = CliRun.of("rules", "check", "--rules", rules.toString());
    assertThat(unread.exit()).as(unread.err()).isZero();
    assertThat(unread.err()).contains(vocabulary + ":" + keyLine + ":")
        .contains("warning: tests.secure_channel is declared but no rule reads it");

    Files.writeString(rules.resolve("host/secure-channel.drl"), RULE);
    Files.writeString(rules.resolve("causes.yaml"), Files.readString(rules.resolve("causes.yaml")) + CAUSE);
    Files.writeString(rules.resolve("questions.yaml"), Files.readString(rules.resolve("questions.yaml")) + QUESTION);
    Path samples = Files.createDirectories(dir.resolve("facts-samples"));
    Path sample = Files.writeString(samples.resolve("secure-channel.yaml"), SAMPLE);

    CliRun check = CliRun.of("rules", "check", "--rules", rules.toString());
    assertThat(check.exit()).as(check.err()).isZero();
    assertThat(check.err()).doesNotContain("secure_channel").doesNotContain("secureChannel");
    assertThat(check.out()).contains("0 errors");

    CliRun test = CliRun.of("rules", "test", "--rules", rules.toString(), samples.toString());
    assertThat(test.exit()).as(test.out() + test.err()).isZero();
    assertThat(test.out()).contains("PASS").contains("secure-channel.yaml");

    CliRun text = CliRun.of("diagnose", "--rules", rules.toString(), sample.toString());
    assertThat(text.exit()).as(text.err()).isZero();
    assertThat(text.out()).containsPattern("Most likely cause: .*\\[secure-channel-broken\\]")
        .contains("Repair the secure channel");

    CliRun json = CliRun.of("diagnose", "--rules", rules.toString(), "--format", "json", sample.toString());
    assertThat(json.exit()).as(json.err()).isZero();
    JsonNode result = new ObjectMapper().readTree(json.out());
    assertThat(result.at("/top").asText()).isEqualTo("secure-channel-broken");
    assertThat(json.out()).contains("\"path\" : \"tests.secure_channel\"").contains("\"value\" : \"trust-broken\"");

    CliRun explain = CliRun.of("explain", "--rules", rules.toString(), sample.toString());
    assertThat(explain.exit()).as(explain.err()).isZero();
    assertThat(explain.out()).contains("HOST-990").contains("tests.secure_channel = trust-broken");

    CliRun doc = CliRun.of("rules", "doc", "--rules", rules.toString(), "--symptom-file");
    assertThat(doc.exit()).as(doc.err()).isZero();
    assertThat(doc.out()).contains("| `secure_channel` |").contains("`healthy`").contains("`trust-broken`");
    CliRun catalog = CliRun.of("rules", "doc", "--rules", rules.toString());
    assertThat(catalog.out()).contains("secure-channel-broken").contains("HOST-990");

    // the consultation asks the new question and takes its answer, whatever it asks before
    Path start = Files.writeString(dir.resolve("start.yaml"), "error: {code: 0x904, extended: 0x7}\n");
    Consultation consult = Consultation.answering(ask -> ask.contains("Test-ComputerSecureChannel") ? "broken" : "unknown");
    CliRun consulted = consult.run("consult", "--rules", rules.toString(), "--max-questions", "40", start.toString());
    assertThat(consulted.exit()).as(consulted.err()).isZero();
    assertThat(consult.asked()).anyMatch(q -> q.contains("Test-ComputerSecureChannel"));
    assertThat(consulted.out()).containsPattern("Most likely cause: .*\\[secure-channel-broken\\]");
  }

  @Test
  void aMisspelledUseOfTheNewKeyIsALocatedErrorWithADidYouMean(@TempDir Path dir) throws Exception {
    Path rules = Fixtures.copyOfRules(dir.resolve("rules"));
    Path vocabulary = rules.resolve("vocabulary/tests.yaml");
    Files.writeString(vocabulary, Files.readString(vocabulary).replaceFirst("(?m)^    keys:\n", "    keys:\n" + KEY) + SET);
    Files.writeString(rules.resolve("causes.yaml"), Files.readString(rules.resolve("causes.yaml")) + CAUSE);
    Files.writeString(rules.resolve("questions.yaml"), Files.readString(rules.resolve("questions.yaml")) + QUESTION);
    Path drl = Files.writeString(rules.resolve("host/secure-channel.drl"), RULE.replace("secureChannel ==", "secureChanel =="));

    CliRun check = CliRun.of("rules", "check", "--rules", rules.toString());
    assertThat(check.exit()).isEqualTo(ExitCode.FAILED);
    assertThat(check.err()).contains(drl + ":9:").contains("secureChanel").contains("did you mean 'secureChannel'?");

    Files.writeString(drl, RULE);
    Path key = Files.writeString(dir.resolve("key.yaml"), "tests:\n  secure_chanel: broken\n");
    CliRun misspelledKey = CliRun.of("diagnose", "--rules", rules.toString(), key.toString());
    assertThat(misspelledKey.exit()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(misspelledKey.err()).startsWith(key + ":2:3: error: unknown key 'secure_chanel'")
        .contains("did you mean 'secure_channel'?");
    Path value = Files.writeString(dir.resolve("value.yaml"), "tests:\n  secure_channel: brokn\n");
    CliRun misspelledValue = CliRun.of("diagnose", "--rules", rules.toString(), value.toString());
    assertThat(misspelledValue.exit()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(misspelledValue.err()).startsWith(value + ":2:19: error: ").contains("did you mean 'broken'?");
  }

  /**
   * A person at the consultation's prompt: each question is answered as it is asked, from what
   * it asks; the offer to save is declined.
   */
  private static final class Consultation {

    private final Function<String, String> answer;
    private final List<String> asked = new ArrayList<>();
    private final Deque<Byte> typed = new ArrayDeque<>();
    private final StringBuilder line = new StringBuilder();

    private Consultation(Function<String, String> answer) {
      this.answer = answer;
    }

    static Consultation answering(Function<String, String> answer) {
      return new Consultation(answer);
    }

    List<String> asked() {
      return asked;
    }

    CliRun run(String... args) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      OutputStream screen = new OutputStream() {
        @Override
        public void write(int b) {
          out.write(b);
          if (b != '\n') {
            line.append((char) b);
            return;
          }
          String shown = line.toString();
          line.setLength(0);
          if (shown.startsWith("Question ")) {
            asked.add(shown);
            type(answer.apply(shown));
          } else if (shown.startsWith("Save these answers")) {
            type("");
          }
        }
      };
      InputStream keyboard = new InputStream() {
        @Override
        public int read() {
          Byte b = typed.poll();
          return b == null ? -1 : b & 0xff;
        }

        @Override
        public int read(byte[] buffer, int off, int len) {
          if (typed.isEmpty()) {
            return -1;
          }
          int n = 0;
          while (n < len && !typed.isEmpty()) {
            buffer[off + n++] = typed.poll();
          }
          return n;
        }
      };
      int exit = Main.run(args, keyboard, new PrintStream(screen, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8));
      return new CliRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private void type(String text) {
      for (byte b : (text + "\n").getBytes(StandardCharsets.UTF_8)) {
        typed.add(b);
      }
    }
  }
}
