package dev.rdpdoctor.cli;

import dev.rdpdoctor.casefile.CaseFile;
import dev.rdpdoctor.casefile.CaseFileReader;
import dev.rdpdoctor.casefile.ProbedFacts;
import dev.rdpdoctor.engine.Diagnoser;
import dev.rdpdoctor.engine.Diagnosis;
import dev.rdpdoctor.knowledge.KnowledgeBase;
import dev.rdpdoctor.report.HtmlReport;
import dev.rdpdoctor.report.JsonReport;
import dev.rdpdoctor.report.MarkdownReport;
import dev.rdpdoctor.report.NextCheck;
import dev.rdpdoctor.report.TextReport;
import dev.rdpdoctor.yaml.InputError;
import dev.rdpdoctor.yaml.InvalidInputException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rdp-doctor diagnose CASE.yaml...}: ranked causes, fixes and the reasoning. */
@Command(
    name = "diagnose",
    description = "Rank the likely causes of 0x904 / 0x7 for a symptom file, with fixes in a safe order.",
    mixinStandardHelpOptions = true)
final class DiagnoseCommand implements Callable<Integer> {

  enum Format { text, json, markdown, html }

  @Spec CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "CASE.yaml", description = "Symptom file(s) to diagnose.")
  List<Path> files = new ArrayList<>();

  @Option(names = "--probe", paramLabel = "HOST[:PORT]",
      description = "Probe this host first and diagnose what it found, merged into each symptom file given (your statements win; disagreements are listed).")
  String probeTarget;

  @Mixin ProbeOptions probeOptions;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--explain", description = "Show the rules, facts, CF arithmetic and sources behind each cause.")
  boolean explain;

  @Mixin RulesOption rules;

  @Mixin RedactOption redact;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    KnowledgeBase knowledge = null;
    Diagnoser diagnoser = null;
    CaseFileReader reader = new CaseFileReader();
    int exit = ExitCode.OK;
    boolean first = true;
    if (files.isEmpty() && probeTarget == null) {
      throw new ParameterException(spec.commandLine(), "give a symptom file to diagnose, or --probe HOST");
    }
    if (probeTarget == null && probeOptions.given()) {
      throw new ParameterException(spec.commandLine(), "--gateway and --timeout go with --probe HOST");
    }
    ProbedFacts probed = probeTarget == null ? null : probeOptions.probe(spec.commandLine(), probeTarget, redact.progress(err));
    if (probed != null) {
      redact.releaseProgress(err, probed.symptoms());
    }
    List<Path> inputs = files.isEmpty() ? Collections.singletonList(null) : files;
    for (Path file : inputs) {
      CaseFile caseFile;
      try {
        caseFile = file == null ? reader.read(probed) : probed == null ? reader.read(file) : reader.read(file, probed);
      } catch (InvalidInputException e) {
        e.errors().stream().map(InputError::format).forEach(err::println);
        err.flush();
        exit = ExitCode.INVALID_INPUT;
        continue;
      }
      if (diagnoser == null) {
        knowledge = rules.load();
        diagnoser = new Diagnoser(knowledge);
      }
      Diagnosis diagnosis;
      List<NextCheck> checks;
      try {
        diagnosis = diagnoser.diagnose(caseFile);
        checks = new NextChecks(knowledge, diagnoser).of(caseFile, diagnosis);
      } catch (InvalidInputException e) {
        // a rule failed on this case (it looped, threw or did not finish): say so, go on with the next
        e.errors().stream().map(InputError::format).forEach(err::println);
        err.flush();
        exit = ExitCode.INVALID_INPUT;
        continue;
      }
      boolean separate = !first;
      Diagnosis found = diagnosis;
      List<NextCheck> next = checks;
      KnowledgeBase kb = knowledge;
      redact.print(out, caseFile.source(), caseFile.symptoms(), to -> {
        if (format == Format.json) {
          new JsonReport(kb, inputs.size() == 1).write(found, next, to);
        } else if (format == Format.markdown) {
          new MarkdownReport(kb).write(found, next, to);
        } else if (format == Format.html) {
          new HtmlReport(kb).write(found, next, to);
        } else {
          if (separate) {
            to.println();
            to.println("----------------------------------------------------------------------");
            to.println();
          }
          new TextReport(kb, explain).write(found, next, to);
        }
      });
      first = false;
    }
    out.flush();
    return exit;
  }

}
