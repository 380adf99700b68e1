package dev.rdpdoctor.cli;

import dev.rdpdoctor.casefile.CaseFileReader;
import dev.rdpdoctor.knowledge.KnowledgeBase;
import dev.rdpdoctor.knowledge.load.CompiledKnowledgeLoader;
import dev.rdpdoctor.problem.ControlCharacters;
import dev.rdpdoctor.problem.InputError;
import dev.rdpdoctor.problem.InvalidInputException;
import dev.rdpdoctor.ruletools.ScenarioRunner;
import dev.rdpdoctor.ruletools.TicketRun;
import dev.rdpdoctor.ruletools.evaluation.Comparison;
import dev.rdpdoctor.ruletools.evaluation.Evaluation;
import dev.rdpdoctor.ruletools.evaluation.EvaluationHtml;
import dev.rdpdoctor.ruletools.evaluation.EvaluationJson;
import dev.rdpdoctor.ruletools.evaluation.EvaluationMarkdown;
import dev.rdpdoctor.ruletools.evaluation.EvaluationText;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code rules evaluate}: the knowledge base measured on resolved tickets (their
 * {@code resolution:}), as text, Markdown, JSON or HTML; with {@code --compare}, against another
 * knowledge base ticket by ticket. It measures, it does not pass or fail: the exit code is 0 when
 * every ticket was measured or skipped, 3 when one could not be read or names a cause or fix the
 * knowledge base lacks, or when no ticket has a resolution.
 */
@Command(
    name = "evaluate",
    description = {"Measure the knowledge base on resolved tickets: where each one's confirmed cause (resolution: cause:)"
        + " ranks, overall and per cause with 95 % intervals, what was ranked first instead, each rule's precision and lift,"
        + " the tickets it got most wrong, and the weights the outcomes support (never applied).",
        "Tickets without a resolution are listed as skipped."},
    mixinStandardHelpOptions = true)
final class RulesEvaluateCommand implements Callable<Integer> {

  /** What {@code --format} writes. */
  enum EvaluationFormat { text, markdown, html, json }

  @Spec CommandSpec spec;

  @Mixin RulesOption rules;

  @Parameters(paramLabel = "DIR", arity = "0..*",
      description = "Ticket files or folders (default: tickets/ beside the rules folder).")
  List<Path> paths = new ArrayList<>();

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text (default), markdown, html (one self-contained file with charts) or json.")
  EvaluationFormat format;

  @Option(names = "--compare", paramLabel = "OTHER_RULES_DIR",
      description = "Another knowledge-base folder (the version before an edit): how each ticket's rank changes from it"
          + " to --rules.")
  Path compare;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of stdout.")
  Path output;

  @Option(names = "--force", description = "Replace FILE if it exists.")
  boolean force;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    List<Path> given = paths;
    if (given.isEmpty()) {
      given = rules.defaultTickets().map(List::of).orElseThrow(() -> new CommandLine.ParameterException(
          spec.commandLine(), "no tickets: name ticket files or folders (there is no tickets/ beside the rules folder)"));
    }
    for (Path p : given) {
      if (!Files.exists(p)) {
        throw new CommandLine.ParameterException(spec.commandLine(), ControlCharacters.name(p.toString()) + ": no such file or folder");
      }
    }
    if (compare != null && !Files.isDirectory(compare)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--compare " + ControlCharacters.name(compare.toString())
          + ": no such folder");
    }
    List<Path> tickets = ScenarioRunner.samples(given);
    if (tickets.isEmpty()) {
      throw new CommandLine.ParameterException(spec.commandLine(), "no .yaml tickets in " + given);
    }
    KnowledgeBase knowledge = rules.loadCompiled(err);
    Evaluation evaluation = evaluate(knowledge, tickets, err);
    Optional<Comparison> comparison = Optional.empty();
    if (compare != null) {
      KnowledgeBase other = new CompiledKnowledgeLoader(RulesOption.notices(err)).load(compare);
      // what the other knowledge base makes of a ticket is only compared: its errors are not this run's
      comparison = Optional.of(Comparison.of(evaluate(other, tickets, null), evaluation));
    }
    if (evaluation.tickets().isEmpty()) {
      throw new InvalidInputException(InputError.error(ControlCharacters.name(given.get(0).toString()), 1, 1,
          "none of the " + tickets.size() + " tickets has a resolution: block" + (evaluation.invalid().isEmpty() ? ""
              : " that could be read") + "; nothing to measure"));
    }
    String report = render(evaluation, comparison);
    if (output == null) {
      spec.commandLine().getOut().print(report);
      spec.commandLine().getOut().flush();
    } else {
      OutputFile.write(spec.commandLine(), output, report, force);
      err.println("rules evaluate: wrote " + ControlCharacters.name(output.toString()) + " (" + evaluation.tickets().size()
          + " tickets)");
      err.flush();
    }
    return evaluation.invalid().isEmpty() ? ExitCode.OK : ExitCode.INVALID_INPUT;
  }

  /** Each ticket read and diagnosed in turn, its findings said on {@code err} (when given) as it goes. */
  private static Evaluation evaluate(KnowledgeBase knowledge, List<Path> tickets, PrintWriter err) {
    ScenarioRunner runner = new ScenarioRunner(knowledge, new CaseFileReader(knowledge.vocabulary(), Clock.systemDefaultZone()));
    Evaluation.Builder evaluation = new Evaluation.Builder(knowledge);
    for (Path ticket : tickets) {
      TicketRun run = runner.ticket(ticket);
      if (err != null) {
        InputError.print(run.findings(), err);
      }
      evaluation.add(run);
    }
    return evaluation.build();
  }

  private String render(Evaluation evaluation, Optional<Comparison> comparison) {
    return switch (format) {
      case text -> {
        StringWriter text = new StringWriter();
        try (PrintWriter w = new PrintWriter(text)) {
          new EvaluationText().write(evaluation, comparison, w);
        }
        yield text.toString();
      }
      case markdown -> new EvaluationMarkdown().write(evaluation, comparison);
      case json -> new EvaluationJson().write(evaluation, comparison);
      case html -> new EvaluationHtml().write(evaluation, comparison);
    };
  }
}
