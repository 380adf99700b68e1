package dev.rdpdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rdpdoctor.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The consultation driven by answers piped on stdin, as a script would. */
class ConsultCommandTest {

  private static CliRun consult(String answers, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String[] all = new String[args.length + 3];
    all[0] = "consult";
    all[1] = "--rules";
    all[2] = Fixtures.RULES.toString();
    System.arraycopy(args, 0, all, 3, args.length);
    int exit = Main.run(all, new ByteArrayInputStream(answers.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new CliRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void pipedAnswersReachADiagnosisAndTheAnswersCanBeSavedAndReplayed(@TempDir Path dir) throws Exception {
    Path saved = dir.resolve("case.yaml");
    // from the code alone the first question is the event log, a checklist answered in one go
    String answers = String.join("\n", "why", "1058, 36870", "quit", saved.toString()) + "\n";
    CliRun run = consult(answers, "--max-questions", "6", "facts-samples/code-only.yaml");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("Question 1 (a look on the host): Which of these events does the host's System log show")
        .contains("I ask because the answer separates these causes:")
        .contains("Question 2")
        .contains("Most likely cause: ")
        .contains("Saved " + saved);
    String yaml = Files.readString(saved);
    assertThat(yaml).contains("id: 1058").contains("id: 36870").contains("code: 2308").doesNotContain("expect");
    CliRun replay = CliRun.of("diagnose", "--rules", Fixtures.RULES.toString(), saved.toString());
    assertThat(replay.exit()).isZero();
    assertThat(replay.out()).contains("Most likely cause: ");
  }

  @Test
  void howBackAndUnknownAnswersAreUnderstood() {
    CliRun run = consult("how\nnone\nback\n1058\nquit\n\n", "facts-samples/code-only.yaml");
    assertThat(run.exit()).isZero();
    assertThat(run.out())
        .contains("  host-denies-logons  CF 0.30")
        .contains("[error.code = 0x904, error.extended = 0x7]")
        .contains("Took back the last answer.")
        .containsPattern("Now: cert-expired 0\\.66");
  }

  @Test
  void aWrongAnswerIsAskedAgain() {
    CliRun run = consult("maybe\nquit\n\n", "facts-samples/code-only.yaml");
    assertThat(run.out()).contains("Please answer ");
  }

  @Test
  void anAnswerTooLongIsSkippedAndTheQuestionAskedAgain() {
    CliRun run = consult("1058,".repeat(2000) + "\n1058\nquit\n\n", "facts-samples/code-only.yaml");
    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains(">   That answer is too long (over 4,096 characters); it was skipped. Type it again, shorter.")
        .doesNotContain("Please answer ").containsPattern("Now: cert-expired 0\\.66");
  }

  @Test
  void anExistingFileIsNotOverwrittenWithoutAsking(@TempDir Path dir) throws Exception {
    Path mine = Files.writeString(dir.resolve("mine.yaml"), "title: mine\n");
    CliRun run = consult("none\nquit\n" + mine + "\nn\n", "facts-samples/code-only.yaml");
    assertThat(run.out()).contains(mine + " exists. Replace it? [y/N]").contains("Not saved.");
    assertThat(Files.readString(mine)).isEqualTo("title: mine\n");
  }

  @Test
  void startsFromNothingWhenNoFileIsGiven() {
    CliRun run = consult("quit\n");
    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("Question 1").contains("Now: no cause is supported yet");
  }

  @Test
  void anInvalidStartFileIsLocated() {
    CliRun run = consult("", "facts-samples/invalid/unknown-key.yaml");
    assertThat(run.exit()).isEqualTo(3);
    assertThat(run.err()).startsWith("facts-samples/invalid/unknown-key.yaml:5:3: error:");
  }
}
