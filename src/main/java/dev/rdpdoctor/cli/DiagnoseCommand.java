package dev.rdpdoctor.cli;

import dev.rdpdoctor.batch.BatchRunner;
import dev.rdpdoctor.casefile.CaseFile;
import dev.rdpdoctor.casefile.CaseFileReader;
import dev.rdpdoctor.casefile.ProbedFacts;
import dev.rdpdoctor.casefile.vocabulary.Vocabulary;
import dev.rdpdoctor.consult.NextChecks;
import dev.rdpdoctor.engine.Diagnoser;
import dev.rdpdoctor.engine.Diagnosis;
import dev.rdpdoctor.evidence.Evidence;
import dev.rdpdoctor.knowledge.KnowledgeBase;
import dev.rdpdoctor.report.NextCheck;
import dev.rdpdoctor.report.Outline;
import dev.rdpdoctor.report.Report;
import dev.rdpdoctor.problem.InputError;
import dev.rdpdoctor.problem.InvalidInputException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Supplier;
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

  @Mixin EvidenceOption evidence;

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

  private final CommandContext context;
  private KnowledgeBase knowledge;
  private Diagnoser diagnoser;
  private NextChecks nextChecks;

  DiagnoseCommand(CommandContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (checkOptions()) {
      return batch(err);
    }
    ProbedFacts probed = probeTarget == null ? null
        : probeOptions.probe(spec.commandLine(), probeTarget, redact.progress(err), () -> {
          loadKnowledge(err);
          return RulesVocabulary.of(knowledge);
        });
    int exit = ExitCode.OK;
    if (evidence.given()) {
      loadKnowledge(err);
      Evidence found = evidence.read(knowledge.vocabulary(), redact.progress(err));
      probed = found.facts();
      redact.learn(found);
      exit = found.hasErrors() ? ExitCode.INVALID_INPUT : exit;
    }
    if (probed != null) {
      redact.releaseProgress(err, knowledge.vocabulary(), probed.symptoms());
    }
    ProbedFacts found = probed;
    // The cases are read with the vocabulary of the rules that diagnose them. Preloaded rules tell it
    // before they are assembled: the first case is read meanwhile, and what is wrong with it is said
    // once the rules have loaded, as when they come first.
    Vocabulary vocabulary = found == null ? rules.preloadedVocabulary().orElse(null) : null;
    if (vocabulary == null) {
      loadKnowledge(err);
      vocabulary = knowledge.vocabulary();
    }
    List<Path> inputs = files.isEmpty() ? Collections.singletonList(null) : files;
    CaseFileReader reader = new CaseFileReader(vocabulary, Clock.systemDefaultZone());
    Function<Path, CaseFile> read = file -> file == null ? reader.read(found) : found == null ? reader.read(file)
        : reader.read(file, found, knowledge.vocabulary());
    ReadAhead firstCase = ReadAhead.of(() -> read.apply(inputs.get(0)));
    loadKnowledge(err);
    Report report = (format == null ? Format.text : format).report(explain, inputs.size() == 1);
    boolean first = true;
    for (int i = 0; i < inputs.size(); i++) {
      Path file = inputs.get(i);
      Optional<CaseFile> caseFile = i == 0 ? firstCase.said(err) : unlessInvalid(err, () -> read.apply(file));
      // a rule that failed on this case (it looped, threw or did not finish) is said, and the next case goes on
      Optional<Outline> outline = caseFile.flatMap(c -> unlessInvalid(err, () -> outline(c)));
      if (outline.isEmpty()) {
        exit = ExitCode.INVALID_INPUT;
        continue;
      }
      boolean separate = !first;
      redact.print(out, caseFile.get().source(), caseFile.get().values(), to -> {
        if (separate) {
          to.print(report.separator());
        }
        report.write(outline.get(), to);
      });
      first = false;
    }
    out.flush();
    return exit;
  }

  /**
   * Checks that the options go together, before any work, as a usage error of one sentence (exit
   * 2) when they do not; returns whether they ask for many cases ({@link DiagnoseBatch}).
   */
  private boolean checkOptions() {
    if (evidence.given()) {
      EvidenceOption.check(spec.commandLine(), files, jsonl || format == Format.jsonl, probeTarget != null);
    }
    if (probeTarget == null && !evidence.given() && (DiagnoseBatch.isBatch(files, jsonl) || format == Format.jsonl)) {
      if (files.isEmpty() && !jsonl) {
        throw usage(NOTHING_TO_DIAGNOSE);
      }
      if (threads != null && (threads < 1 || threads > BatchRunner.MAX_THREADS)) {
        throw usage("--threads must be between 1 and " + BatchRunner.MAX_THREADS + ", not " + threads);
      }
      if (!batchFormat().manyCases()) {
        throw usage("--format " + batchFormat() + " makes the report of one case: give one symptom file");
      }
      return true;
    }
    if (format == Format.jsonl) {
      throw usage("--format jsonl is for many cases; --probe diagnoses one");
    }
    if (files.isEmpty() && probeTarget == null && !evidence.given()) {
      throw usage(NOTHING_TO_DIAGNOSE);
    }
    if (probeTarget == null && probeOptions.given()) {
      throw usage("--gateway and --timeout go with --probe HOST");
    }
    if (probeTarget != null && (jsonl || files.stream().anyMatch(f -> DiagnoseBatch.isJsonLines(f) || Files.isDirectory(f)))) {
      throw usage("--probe goes with symptom files, not with folders or JSON Lines");
    }
    return false;
  }

  private ParameterException usage(String sentence) {
    return new ParameterException(spec.commandLine(), sentence);
  }

  /** The format of many cases' results: the one asked for, else JSON Lines for JSON Lines input, else text. */
  private Format batchFormat() {
    return format != null ? format : DiagnoseBatch.readsJsonLines(files, jsonl) ? Format.jsonl : Format.text;
  }

  /** The value {@code read} gives, or empty when the input is invalid: then its problems are on {@code err}. */
  /** A case read ahead: the case, or what is wrong with it, to be said later. */
  private record ReadAhead(CaseFile caseFile, InvalidInputException invalid) {

    static ReadAhead of(Supplier<CaseFile> read) {
      try {
        return new ReadAhead(read.get(), null);
      } catch (InvalidInputException e) {
        return new ReadAhead(null, e);
      }
    }

    Optional<CaseFile> said(PrintWriter err) {
      if (invalid != null) {
        InputError.print(invalid.errors(), err);
      }
      return Optional.ofNullable(caseFile);
    }
  }

  private static <T> Optional<T> unlessInvalid(PrintWriter err, Supplier<T> read) {
    try {
      return Optional.of(read.get());
    } catch (InvalidInputException e) {
      InputError.print(e.errors(), err);
      return Optional.empty();
    }
  }

  /** Loads the rules, once. */
  private void loadKnowledge(PrintWriter err) {
    if (diagnoser == null) {
      knowledge = rules.loadCompiled(err);
      diagnoser = new Diagnoser(knowledge);
      nextChecks = new NextChecks(knowledge, diagnoser, true);
    }
  }

  private Outline outline(CaseFile caseFile) {
    Diagnosis diagnosis = diagnoser.diagnose(caseFile);
    List<NextCheck> checks = nextChecks.of(caseFile, diagnosis).stream()
        .map(s -> NextCheck.of(s.question(), s.separates())).toList();
    return Outline.of(diagnosis, checks, knowledge);
  }

  /** Many cases: on all cores, in input order, with a summary. */
  private int batch(PrintWriter err) {
    KnowledgeBase loaded = rules.loadCompiled(err);
    int workers = threads != null ? threads
        : Math.min(Runtime.getRuntime().availableProcessors(), BatchRunner.MAX_THREADS);
    return new DiagnoseBatch(files, jsonl, context).run(loaded, batchFormat(), explain, redact.on, workers, err);
  }
}
