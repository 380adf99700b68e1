package dev.rdpdoctor.cli;

import dev.rdpdoctor.batch.BatchFailure;
import dev.rdpdoctor.batch.BatchRunner;
import dev.rdpdoctor.batch.BatchSummary;
import dev.rdpdoctor.batch.CaseFiles;
import dev.rdpdoctor.batch.CaseReports;
import dev.rdpdoctor.batch.CaseSource;
import dev.rdpdoctor.batch.CaseSources;
import dev.rdpdoctor.batch.DiagnosisJson;
import dev.rdpdoctor.batch.JsonLines;
import dev.rdpdoctor.batch.Progress;
import dev.rdpdoctor.batch.RedactedResults;
import dev.rdpdoctor.batch.ResultFormat;
import dev.rdpdoctor.batch.ResultLine;
import dev.rdpdoctor.casefile.CaseFolders;
import dev.rdpdoctor.consult.NextChecks;
import dev.rdpdoctor.engine.Diagnoser;
import dev.rdpdoctor.engine.Diagnosis;
import dev.rdpdoctor.knowledge.KnowledgeBase;
import dev.rdpdoctor.report.NextCheck;
import dev.rdpdoctor.problem.InputError;
import dev.rdpdoctor.problem.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code diagnose} over many cases: files, folders of them, JSON Lines files and stdin, read in
 * the order given, diagnosed on all cores, written in that order; then a summary on stderr.
 */
final class DiagnoseBatch {

  private final List<Path> inputs;
  private final boolean stdin;
  private final CommandContext context;

  /** @param stdin read JSON Lines from stdin after the inputs ({@code --jsonl}) */
  DiagnoseBatch(List<Path> inputs, boolean stdin, CommandContext context) {
    this.inputs = inputs;
    this.stdin = stdin;
    this.context = context;
  }

  /** Whether these inputs make a batch rather than the report on one case file. */
  static boolean isBatch(List<Path> inputs, boolean stdin) {
    return stdin || inputs.size() != 1 || isJsonLines(inputs.get(0)) || Files.isDirectory(inputs.get(0));
  }

  static boolean isJsonLines(Path p) {
    return p.toString().equals("-") || p.toString().endsWith(".jsonl");
  }

  /** Whether any input is JSON Lines: then results are JSON Lines too, unless another format is asked for. */
  static boolean readsJsonLines(List<Path> inputs, boolean stdin) {
    return stdin || inputs.stream().anyMatch(DiagnoseBatch::isJsonLines);
  }

  /** @param redact each case's output redacted on its own ({@link RedactedResults}) */
  int run(KnowledgeBase knowledge, Format format, boolean explain, boolean redact, int threads, PrintWriter err) {
    List<CaseSource> sources = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    boolean missing = false;
    for (Path p : inputs) {
      if (Files.isDirectory(p)) {
        Optional<String> empty = withoutCases(p);
        if (empty.isPresent()) {
          err.println(InputError.error(p.toString(), 1, 1, empty.get()).format());
          missing = true;
          continue;
        }
      }
      if (!isJsonLines(p)) {
        files.add(p);
        continue;
      }
      if (!files.isEmpty()) {
        sources.add(new CaseFiles(files));
        files = new ArrayList<>();
      }
      try {
        sources.add(jsonLines(p));
      } catch (IOException e) {
        String why = e instanceof NoSuchFileException ? "no such file" : "cannot read the file: " + e.getMessage();
        err.println(InputError.error(p.toString(), 1, 1, why).format());
        missing = true;
      } catch (InvalidInputException e) { // stdin is closed
        InputError.print(e.errors(), err);
        missing = true;
      }
    }
    if (!files.isEmpty()) {
      sources.add(new CaseFiles(files));
    }
    if (stdin) {
      try {
        sources.add(new JsonLines(context.in(), "stdin"));
      } catch (InvalidInputException e) { // stdin is closed
        InputError.print(e.errors(), err);
        missing = true;
      }
    }
    if (sources.isEmpty() && missing) {
      return ExitCode.INVALID_INPUT; // nothing to run: each input's error is said
    }
    CaseSource source = new CaseSources(sources);
    Progress progress = context.stderrIsTerminal() ? new Progress(context.progress(), source.size()) : Progress.none();
    long start = System.nanoTime();
    Diagnoser diagnoser = new Diagnoser(knowledge);
    ResultFormat results = resultFormat(knowledge, diagnoser, format, explain);
    BatchSummary summary;
    try {
      summary = new BatchRunner(knowledge.vocabulary(), diagnoser::diagnose, redact ? new RedactedResults(results) : results,
          threads, Clock.systemDefaultZone()).run(source, context.bytes(), err, progress);
    } catch (BatchFailure e) {
      err.println("rdp-doctor: internal error: " + e.getMessage());
      return ExitCode.INTERNAL;
    }
    summary.print(err, (System.nanoTime() - start) / 1e9, threads);
    if (summary.internal() > 0) {
      return ExitCode.INTERNAL;
    }
    return summary.rejected() > 0 || missing ? ExitCode.INVALID_INPUT : ExitCode.OK;
  }

  /** Why a folder gives no cases, if it does not: it has no {@code *.yaml} files, or cannot be listed. */
  private static Optional<String> withoutCases(Path folder) {
    try {
      return CaseFolders.filesIn(folder).isEmpty()
          ? Optional.of("is a folder with no symptom files (*.yaml) in it")
          : Optional.empty();
    } catch (IOException e) {
      return Optional.of("cannot list the folder: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    }
  }

  private CaseSource jsonLines(Path p) throws IOException {
    if (p.toString().equals("-")) {
      return new JsonLines(context.in(), "stdin");
    }
    InputStream in = Files.newInputStream(p);
    return new JsonLines(in, p.toString());
  }

  private static ResultFormat resultFormat(KnowledgeBase knowledge, Diagnoser diagnoser, Format format,
      boolean explain) {
    ThreadLocal<NextChecks> nextChecks = ThreadLocal.withInitial(() -> new NextChecks(knowledge, diagnoser, false));
    Function<Diagnosis, List<NextCheck>> checks = d -> nextChecks.get().of(d.caseFile(), d).stream()
        .map(s -> NextCheck.of(s.question(), s.separates())).toList();
    return switch (format) {
      case jsonl -> new ResultLine(knowledge);
      case json -> new DiagnosisJson(knowledge, checks);
      default -> new CaseReports(format.report(explain, false), knowledge, checks);
    };
  }
}
