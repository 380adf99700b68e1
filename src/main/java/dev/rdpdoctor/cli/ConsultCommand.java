package dev.rdpdoctor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rdpdoctor.casefile.CaseFileReader;
import dev.rdpdoctor.consult.Askable;
import dev.rdpdoctor.consult.ConsultSession;
import dev.rdpdoctor.consult.Prompt;
import dev.rdpdoctor.consult.QuestionPicker;
import dev.rdpdoctor.engine.Diagnoser;
import dev.rdpdoctor.knowledge.KnowledgeBase;
import dev.rdpdoctor.report.Outline;
import dev.rdpdoctor.report.TextReport;
import dev.rdpdoctor.problem.ControlCharacters;
import dev.rdpdoctor.yaml.YamlMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rdp-doctor consult [CASE.yaml]}: an interactive consultation. */
@Command(
    name = "consult",
    description = "Ask the questions that best separate the likely causes, then diagnose. Answers may be piped on stdin.",
    mixinStandardHelpOptions = true)
final class ConsultCommand implements Callable<Integer> {

  private static final ObjectMapper YAML = YamlMapper.yaml();

  @Spec CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "CASE.yaml", description = "Start from what this symptom file says (default: from nothing).")
  Path start;

  @Option(names = "--max-questions", paramLabel = "N", defaultValue = "" + ConsultSession.DEFAULT_QUESTION_LIMIT,
      description = "Ask at most N questions (default: ${DEFAULT-VALUE}).")
  int maxQuestions;

  @Mixin RulesOption rules;

  private Prompt prompt;

  private final CommandContext context;

  ConsultCommand(CommandContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    prompt = new Prompt(new BufferedReader(new InputStreamReader(context.in(), StandardCharsets.UTF_8)), out);
    KnowledgeBase knowledge = rules.load();
    CaseFileReader reader = new CaseFileReader(knowledge.vocabulary(), Clock.systemDefaultZone());
    ObjectNode tree = YAML.createObjectNode();
    if (start != null) {
      reader.read(start); // the same located errors as diagnose
      tree = readTree(start);
    }
    if (!tree.has("observed")) {
      tree.put("observed", LocalDate.now().toString());
    }
    List<Askable> questions = Askable.all(knowledge);
    QuestionPicker picker = new QuestionPicker(new Diagnoser(knowledge), reader, questions, true);
    ConsultSession.Result result = new ConsultSession(picker, ConsultSession.lines(prompt), out, maxQuestions).run(tree);
    out.println();
    new TextReport(false).write(Outline.of(result.diagnosis(), List.of(), knowledge), out);
    offerToSave(result, out);
    return ExitCode.OK;
  }

  private ObjectNode readTree(Path file) {
    try {
      JsonNode node = YAML.readTree(Files.readAllBytes(file));
      ObjectNode tree = node instanceof ObjectNode o ? o : YAML.createObjectNode();
      tree.remove("expect");
      return tree;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void offerToSave(ConsultSession.Result result, PrintWriter out) {
    if (result.consultation().steps().isEmpty()) {
      return;
    }
    out.println();
    out.println("Save these answers as a symptom file? Type a file name ending in .yaml, or press Enter to skip.");
    String name = prompt.ask();
    if (name == null || name.isBlank()) {
      return;
    }
    if (!name.strip().endsWith(".yaml") && !name.strip().endsWith(".yml")) {
      out.println("Not saved: '" + name.strip() + "' does not end in .yaml.");
      return;
    }
    Path target = Path.of(name.strip());
    boolean replace = false;
    if (Files.exists(target)) {
      out.println(ControlCharacters.name(target.toString()) + " exists. Replace it? [y/N]");
      String yes = prompt.ask();
      replace = yes != null && yes.strip().toLowerCase(Locale.ROOT).startsWith("y");
      if (!replace) {
        out.println("Not saved.");
        return;
      }
    }
    try {
      String yaml = YAML.writerWithDefaultPrettyPrinter().writeValueAsString(result.consultation().tree());
      OutputFile.write(spec.commandLine(), target, "# Answers given in rdp-doctor consult\n" + yaml, replace);
      out.println("Saved " + ControlCharacters.name(target.toString()) + "; replay it with: rdp-doctor diagnose "
          + ControlCharacters.name(target.toString()));
    } catch (IOException | CommandLine.ParameterException | OutputFile.CannotWrite e) {
      out.println("Not saved: " + e.getMessage());
    }
  }
}
