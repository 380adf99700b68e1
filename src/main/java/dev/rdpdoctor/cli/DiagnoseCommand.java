package dev.rdpdoctor.cli;

import dev.rdpdoctor.batch.BatchRunner;
import dev.rdpdoctor.casefile.CaseFile;
import dev.rdpdoctor.casefile.CaseFileReader;
import dev.rdpdoctor.casefile.ProbedFacts;
import dev.rdpdoctor.engine.Diagnoser;
import dev.rdpdoctor.engine.Diagnosis;
import dev.rdpdoctor.knowledge.KnowledgeBase;
import dev.rdpdoctor.report.NextCheck;
import dev.rdpdoctor.report.Outline;
import dev.rdpdoctor.report.Report;
import dev.rdpdoctor.yaml.InputError;
import dev.rdpdoctor.yaml.InvalidInputException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
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

  private static final String NOTHING_TO_DIAGNOSE = "give a symptom file to diagnose, or --probe HOST;"
      + " for many cases a folder of them, a .jsonl file, or - for JSON Lines on stdin";

  @Spec CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "CASE",
      description = "Symptom files (.yaml), folders of them, JSON Lines files (.jsonl, one case per line), or - for JSON Lines on stdin.")
  List<Path> files = new ArrayList<>();

  @Option(names = "--probe", paramLabel = "HOST[:PORT]",
      description = "Probe this host first and diagnose what it found, merged into each symptom file given (your statements win; disagreements are listed).")
  String probeTarget;

  @Mixin ProbeOptions probeOptions;

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: text; jsonl, one result per line, for JSON Lines input).")
  Format format;

  @Option(names = "--jsonl", description = "Read cases from stdin as JSON Lines, one per line (the same as -).")
  boolean jsonl;

  @Option(names = "--threads", paramLabel = "N", description = "Threads for many cases, 1 to "
      + BatchRunner.MAX_THREADS + " (default: one per core, at most " + BatchRunner.MAX_THREADS + ").")
  Integer threads;

  @Option(names = "--explain", description = "Show the rules, facts, CF arithmetic and sources behind each cause.")
  boolean explain;

  @Mixin RulesOption rules;

  @Mixin RedactOption redact;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (probeTarget == null && (DiagnoseBatch.isBatch(files, jsonl) || format == Format.jsonl)) {
      return batch(out, err);
    }
    if (format == Format.jsonl) {
      throw new ParameterException(spec.commandLine(), "--format jsonl is for many cases; --probe diagnoses one");
    }
    Format format = this.format == null ? Format.text : this.format;
    KnowledgeBase knowledge = null;
    Diagnoser diagnoser = null;
    NextChecks nextChecks = null;
    CaseFileReader reader = new CaseFileReader();
    int exit = ExitCode.OK;
    boolean first = true;
    if (files.isEmpty() && probeTarget == null) {
      throw new ParameterException(spec.commandLine(), NOTHING_TO_DIAGNOSE);
    }
    if (probeTarget == null && probeOptions.given()) {
      throw new ParameterException(spec.commandLine(), "--gateway and --timeout go with --probe HOST");
    }
    if (probeTarget != null && (jsonl || files.stream().anyMatch(f -> DiagnoseBatch.isJsonLines(f) || Files.isDirectory(f)))) {
      throw new ParameterException(spec.commandLine(), "--probe goes with symptom files, not with folders or JSON Lines");
    }
    ProbedFacts probed = probeTarget == null ? null : probeOptions.probe(spec.commandLine(), probeTarget, redact.progress(err));
    if (probed != null) {
      redact.releaseProgress(err, probed.symptoms());
    }
    List<Path> inputs = files.isEmpty() ? Collections.singletonList(null) : files;
    Report report = format.report(explain, inputs.size() == 1);
    for (Path file : inputs) {
      CaseFile caseFile;
      try {
        caseFile = file == null ? reader.read(probed) : probed == null ? reader.read(file) : reader.read(file, probed);
      } catch (InvalidInputException e) {
        InputError.print(e.errors(), err);
        exit = ExitCode.INVALID_INPUT;
        continue;
      }
      if (diagnoser == null) {
        knowledge = rules.loadCompiled(err);
        diagnoser = new Diagnoser(knowledge);
        nextChecks = new NextChecks(knowledge, diagnoser);
      }
      Diagnosis diagnosis;
      List<NextCheck> checks;
      try {
        diagnosis = diagnoser.diagnose(caseFile);
        checks = nextChecks.of(caseFile, diagnosis);
      } catch (InvalidInputException e) {
        // a rule failed on this case (it looped, threw or did not finish): say so, go on with the next
        InputError.print(e.errors(), err);
        exit = ExitCode.INVALID_INPUT;
        continue;
      }
      boolean separate = !first;
      Outline outline = Outline.of(diagnosis, checks, knowledge);
      redact.print(out, caseFile.source(), caseFile.symptoms(), to -> {
        if (separate) {
          to.print(report.separator());
        }
        report.write(outline, to);
      });
      first = false;
    }
    out.flush();
    return exit;
  }

  /** Many cases: on all cores, in input order, with a summary. */
  private int batch(PrintWriter out, PrintWriter err) {
    if (files.isEmpty() && !jsonl) {
      throw new CommandLine.ParameterException(spec.commandLine(), NOTHING_TO_DIAGNOSE);
    }
    if (threads != null && (threads < 1 || threads > BatchRunner.MAX_THREADS)) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--threads must be between 1 and " + BatchRunner.MAX_THREADS + ", not " + threads);
    }
    DiagnoseBatch batch = new DiagnoseBatch(files, jsonl);
    Format chosen = format != null ? format : batch.readsJsonLines() ? Format.jsonl : Format.text;
    if (!chosen.manyCases()) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--format " + chosen + " makes the report of one case: give one symptom file");
    }
    KnowledgeBase knowledge = rules.loadCompiled(err);
    int workers = threads != null ? threads
        : Math.min(Runtime.getRuntime().availableProcessors(), BatchRunner.MAX_THREADS);
    return batch.run(knowledge, chosen, explain, redact.on, workers, out, err);
  }

}
