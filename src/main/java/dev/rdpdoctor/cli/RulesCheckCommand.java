package dev.rdpdoctor.cli;

import dev.rdpdoctor.casefile.CaseFileReader;
import dev.rdpdoctor.casefile.Expectation;
import dev.rdpdoctor.knowledge.Inspection;
import dev.rdpdoctor.ruletools.RuleLinter;
import dev.rdpdoctor.ruletools.ScenarioRunner;
import dev.rdpdoctor.problem.InputError;
import dev.rdpdoctor.problem.InvalidInputException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
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

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Inspection inspection = rules.inspect();
    List<InputError> findings = new RuleLinter().lint(inspection, expectations(inspection));
    InputError.print(findings, err);
    long errors = findings.stream().filter(InputError::isError).count();
    long warnings = findings.size() - errors;
    out.println("rules check: " + inspection.origin() + ": " + inspection.rules().size() + " rules, "
        + inspection.causes().size() + " causes, " + inspection.sources().size() + " sources; "
        + errors + " error" + (errors == 1 ? "" : "s") + ", " + warnings + " warning" + (warnings == 1 ? "" : "s"));
    out.flush();
    return errors > 0 ? ExitCode.FAILED : ExitCode.OK;
  }

  private Optional<List<Expectation>> expectations(Inspection inspection) {
    Optional<Path> dir = samples != null ? Optional.of(samples) : rules.defaultSamples();
    if (dir.isEmpty()) {
      return Optional.empty();
    }
    if (inspection.vocabulary().isEmpty()) {
      return Optional.empty(); // the vocabulary is broken: that is the finding
    }
    CaseFileReader reader = new CaseFileReader(inspection.vocabulary().get(), Clock.systemDefaultZone());
    List<Expectation> out = new ArrayList<>();
    for (Path sample : ScenarioRunner.samples(List.of(dir.get()))) {
      try {
        reader.read(sample).expectation().ifPresent(out::add);
      } catch (InvalidInputException e) {
        // a broken sample is rules test's to report; here it just covers nothing
      }
    }
    return Optional.of(out);
  }
}
