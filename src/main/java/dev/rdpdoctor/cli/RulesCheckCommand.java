package dev.rdpdoctor.cli;

import dev.rdpdoctor.casefile.CaseFile;
import dev.rdpdoctor.casefile.Expectation;
import dev.rdpdoctor.knowledge.Inspection;
import dev.rdpdoctor.ruletools.ResolutionCheck;
import dev.rdpdoctor.ruletools.RuleLinter;
import dev.rdpdoctor.ruletools.ScenarioRunner;
import dev.rdpdoctor.problem.InputError;
import dev.rdpdoctor.problem.InvalidInputException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rules check}: compile every DRL file and lint the knowledge base. */
@Command(
    name = "check",
    description = "Compile every rule file and lint the knowledge base; errors and warnings as FILE:LINE:COL lines on stderr.",
    mixinStandardHelpOptions = true)
final class RulesCheckCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin RulesOption rules;

  @Option(names = "--samples", paramLabel = "DIR",
      description = "Samples that go with the rules, to find causes without a sample (default: facts-samples/ beside the rules folder).")
  Path samples;

  @Option(names = "--tickets", paramLabel = "DIR",
      description = "Resolved tickets whose resolution: ids to check against the causes and fixes (default: tickets/ beside"
          + " the rules folder).")
  Path tickets;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (tickets != null && !Files.isDirectory(tickets)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--tickets " + tickets + ": no such folder");
    }
    // the samples and tickets are read on another core while the rules compile
    CasesAhead ahead = CasesAhead.start(rules.folder(), filesAhead(), (file, reader) -> reader.read(file));
    Inspection inspection = rules.inspect();
    Function<Path, CaseFile> read = inspection.vocabulary().map(ahead::reader).orElse(null);
    List<InputError> findings = new ArrayList<>(new RuleLinter().lint(inspection, expectations(inspection, read)));
    findings.addAll(resolutions(inspection, read));
    InputError.print(findings, err);
    long errors = findings.stream().filter(InputError::isError).count();
    long warnings = findings.size() - errors;
    out.println("rules check: " + inspection.origin() + ": " + inspection.rules().size() + " rules, "
        + inspection.causes().size() + " causes, " + inspection.sources().size() + " sources; "
        + errors + " error" + (errors == 1 ? "" : "s") + ", " + warnings + " warning" + (warnings == 1 ? "" : "s"));
    out.flush();
    return errors > 0 ? ExitCode.FAILED : ExitCode.OK;
  }

  /**
   * What is wrong with the {@code resolution:} of the samples and tickets that go with the rules:
   * a cause or fix the knowledge base does not have. A file that does not read is left to
   * {@code rules test} and {@code rules evaluate}.
   */
  private List<InputError> resolutions(Inspection inspection, Function<Path, CaseFile> read) {
    if (inspection.vocabulary().isEmpty()) {
      return List.of();
    }
    ResolutionCheck check = new ResolutionCheck(inspection.causes());
    List<InputError> out = new ArrayList<>();
    for (Path file : ScenarioRunner.samples(resolutionFolders())) {
      try {
        out.addAll(check.check(read.apply(file)));
      } catch (InvalidInputException e) {
        // a file that does not read is rules test's and rules evaluate's to report
      }
    }
    return out;
  }

  /** The folders of the files whose {@code resolution:} is checked: the samples and the tickets. */
  private List<Path> resolutionFolders() {
    List<Path> folders = new ArrayList<>();
    Optional.ofNullable(samples).or(rules::defaultSamples).ifPresent(folders::add);
    Optional.ofNullable(tickets).or(rules::defaultTickets).ifPresent(folders::add);
    return folders.stream().distinct().toList();
  }

  /** Every file read after the rules are in, to read ahead; none when they cannot be listed (that is said in its turn). */
  private List<Path> filesAhead() {
    try {
      return ScenarioRunner.samples(resolutionFolders());
    } catch (RuntimeException e) {
      return List.of();
    }
  }

  private Optional<List<Expectation>> expectations(Inspection inspection, Function<Path, CaseFile> read) {
    Optional<Path> dir = samples != null ? Optional.of(samples) : rules.defaultSamples();
    if (dir.isEmpty()) {
      return Optional.empty();
    }
    if (inspection.vocabulary().isEmpty()) {
      return Optional.empty(); // the vocabulary is broken: that is the finding
    }
    List<Expectation> out = new ArrayList<>();
    for (Path sample : ScenarioRunner.samples(List.of(dir.get()))) {
      try {
        read.apply(sample).expectation().ifPresent(out::add);
      } catch (InvalidInputException e) {
        // a broken sample is rules test's to report; here it just covers nothing
      }
    }
    return Optional.of(out);
  }
}
