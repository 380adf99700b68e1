package dev.rdpdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class KnowledgePreloadTest {

  private static CommandLine commandLine() {
    PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
    CommandContext context = new CommandContext(InputStream.nullInputStream(), nowhere, new PrintStream(OutputStream.nullOutputStream()),
        nowhere, nowhere, false, false, new KnowledgePreload(message -> { }));
    return new CommandLine(new Main(), new CommandFactory(context));
  }

  @Test
  void thePreloadSeesTheSameRulesAsPicocliInEveryArgumentOrder() {
    List<List<String>> orders = List.of(
        List.of("diagnose", "--rules", "my-rules", "case.yaml"),
        List.of("diagnose", "case.yaml", "--rules", "my-rules"),
        List.of("diagnose", "--rules=my-rules", "case.yaml"),
        List.of("diagnose", "case.yaml", "--rules=my-rules", "--explain"),
        List.of("--stacktrace", "diagnose", "--rules", "my-rules", "case.yaml"),
        List.of("--stacktrace", "diagnose", "case.yaml", "--rules=my-rules"),
        List.of("diagnose", "--stacktrace", "--format", "markdown", "--rules", "my-rules", "case.yaml"));
    for (List<String> args : orders) {
      CommandLine cli = commandLine();
      Optional<Optional<Path>> wanted = KnowledgePreload.wantedBy(cli, args.toArray(String[]::new));
      assertThat(wanted).as(String.join(" ", args)).contains(Optional.of(Path.of("my-rules")));
      DiagnoseCommand parsed = cli.parseArgs(args.toArray(String[]::new)).subcommand().commandSpec().commandLine().getCommand();
      assertThat(wanted).as(String.join(" ", args)).contains(parsed.rules.folder());
    }
  }

  @Test
  void withoutRulesThePreloadIsOfTheDefaultRules() {
    assertThat(KnowledgePreload.wantedBy(commandLine(), new String[] {"--stacktrace", "diagnose", "case.yaml"}))
        .contains(RulesOption.defaultFolder());
  }

  @Test
  void otherCommandLinesGetNoPreload() {
    for (String[] args : List.of(
        new String[] {"explain", "cert-expired", "--rules", "my-rules"},
        new String[] {"diagnose", "--help"},
        new String[] {"--version"},
        new String[] {"diagnose", "--no-such-option", "case.yaml"},
        new String[] {"rules", "check", "--rules", "my-rules"})) {
      assertThat(KnowledgePreload.wantedBy(commandLine(), args)).as(String.join(" ", args)).isEmpty();
    }
  }
}
