package dev.rdpdoctor.cli;

import dev.rdpdoctor.evidence.SampleEvidence;
import dev.rdpdoctor.knowledge.KnowledgeBase;
import dev.rdpdoctor.ruletools.Coverage;
import dev.rdpdoctor.ruletools.ScenarioReport;
import dev.rdpdoctor.ruletools.ScenarioResult;
import dev.rdpdoctor.ruletools.ScenarioRunner;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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

/** {@code rules test}: run samples against their expectations, then report coverage. */
@Command(
    name = "test",
    description = "Run samples against their expect: blocks; one line per sample, the difference for a failure, then coverage.",
    mixinStandardHelpOptions = true)
final class RulesTestCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin RulesOption rules;

  @Parameters(paramLabel = "SAMPLE", arity = "0..*",
      description = "Sample files or folders (default: facts-samples/ beside the rules folder).")
  List<Path> paths = new ArrayList<>();

  @Option(names = "--tickets", paramLabel = "DIR",
      description = "Realistic tickets to measure: where each one's confirmed cause (expect: top:) ranks, then top-1 and"
          + " top-3 (default: tickets/ beside the rules folder, when no SAMPLE is named).")
  Path tickets;

  @Option(names = "--coverage",
      description = "List the rules that fired in no sample and the causes never on top, also for named samples.")
  boolean listCoverage;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<Path> given = paths;
    boolean allSamples = paths.isEmpty();
    if (given.isEmpty()) {
      given = rules.defaultSamples().map(List::of).orElseThrow(() -> new CommandLine.ParameterException(
          spec.commandLine(), "no samples: name sample files or folders (there is no facts-samples/ beside the rules folder)"));
    }
    if (tickets != null && !Files.isDirectory(tickets)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--tickets " + tickets + ": no such folder");
    }
    List<Path> samples = ScenarioRunner.samples(given);
    if (samples.isEmpty()) {
      throw new CommandLine.ParameterException(spec.commandLine(), "no .yaml samples in " + given);
    }
    Optional<Path> ticketFolder = tickets != null ? Optional.of(tickets) : allSamples ? rules.defaultTickets() : Optional.empty();
    // the samples and tickets are read on another core while the rules compile, then diagnosed on
    // every core, and reported in their order
    List<Path> ahead = new ArrayList<>(samples);
    ticketFolder.ifPresent(folder -> ahead.addAll(ScenarioRunner.samples(List.of(folder))));
    CasesAhead read = CasesAhead.start(rules.folder(), ahead, (sample, reader) -> SampleEvidence.read(sample, reader));
    KnowledgeBase knowledge = rules.load();
    ScenarioRunner runner = new ScenarioRunner(knowledge, read.reader(knowledge.vocabulary()));
    ScenarioReport report = new ScenarioReport(knowledge);
    List<ScenarioResult> results = samples.parallelStream().map(runner::run).toList();
    results.forEach(r -> report.write(r, out, spec.commandLine().getErr()));
    Coverage coverage = runner.coverage(results);
    report.writeSummary(results, coverage, allSamples || listCoverage, out);
    List<ScenarioResult> unreadable = new ArrayList<>();
    ticketFolder.ifPresent(folder -> runner.score(ScenarioRunner.samples(List.of(folder)), r -> {
      unreadable.add(r);
      report.write(r, out, spec.commandLine().getErr());
    }).write(out));
    out.flush();
    if (results.stream().anyMatch(r -> !r.invalid().isEmpty()) || unreadable.stream().anyMatch(r -> !r.invalid().isEmpty())) {
      return ExitCode.INVALID_INPUT;
    }
    // a ticket that does not say its confirmed cause cannot be measured
    return results.stream().allMatch(ScenarioResult::passed) && unreadable.isEmpty() ? ExitCode.OK : ExitCode.FAILED;
  }
}
