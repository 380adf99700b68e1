package dev.rdpdoctor.cli;

import dev.rdpdoctor.casefile.CaseFile;
import dev.rdpdoctor.casefile.CaseFileReader;
import dev.rdpdoctor.engine.Diagnoser;
import dev.rdpdoctor.engine.Diagnosis;
import dev.rdpdoctor.knowledge.KnowledgeBase;
import dev.rdpdoctor.report.JsonReport;
import dev.rdpdoctor.report.TextReport;
import dev.rdpdoctor.yaml.InputError;
import dev.rdpdoctor.yaml.InvalidInputException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rdp-doctor diagnose CASE.yaml...}: ranked causes, fixes and the reasoning. */
@Command(
    name = "diagnose",
    description = "Rank the likely causes of 0x904 / 0x7 for a symptom file, with fixes in a safe order.",
    mixinStandardHelpOptions = true)
final class DiagnoseCommand implements Callable<Integer> {

  enum Format { text, json, jsonl }

  @Spec CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "CASE",
      description = "Symptom files (.yaml), folders of them, JSON Lines files (.jsonl, one case per line), or - for JSON Lines on stdin.")
  List<Path> files = new ArrayList<>();

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: text; jsonl, one result per line, for JSON Lines input).")
  Format format;

  @Option(names = "--jsonl", description = "Read cases from stdin as JSON Lines, one per line (the same as -).")
  boolean jsonl;

  @Option(names = "--threads", paramLabel = "N", description = "Threads for many cases (default: one per core).")
  Integer threads;

  @Option(names = "--explain", description = "Show the rules, facts, CF arithmetic and sources behind each cause.")
  boolean explain;

  @Mixin RulesOption rules;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (DiagnoseBatch.isBatch(files, jsonl) || format == Format.jsonl) {
      return batch(out, err);
    }
    Format format = this.format == null ? Format.text : this.format;
    KnowledgeBase knowledge = null;
    Diagnoser diagnoser = null;
    CaseFileReader reader = new CaseFileReader();
    int exit = ExitCode.OK;
    boolean first = true;
    for (Path file : files) {
      CaseFile caseFile;
      try {
        caseFile = reader.read(file);
      } catch (InvalidInputException e) {
        e.errors().stream().map(InputError::format).forEach(err::println);
        err.flush();
        exit = ExitCode.INVALID_INPUT;
        continue;
      }
      if (diagnoser == null) {
        knowledge = rules.loadCompiled(err);
        diagnoser = new Diagnoser(knowledge);
      }
      Diagnosis diagnosis = diagnoser.diagnose(caseFile);
      if (format == Format.json) {
        new JsonReport(knowledge, files.size() == 1).write(diagnosis, out);
      } else {
        if (!first) {
          out.println();
          out.println("----------------------------------------------------------------------");
          out.println();
        }
        new TextReport(knowledge, explain).write(diagnosis, out);
      }
      first = false;
    }
    out.flush();
    return exit;
  }

  /** Many cases: on all cores, in input order, with a summary. */
  private int batch(PrintWriter out, PrintWriter err) {
    if (files.isEmpty() && !jsonl) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "name a case file, a folder of them, a .jsonl file, or - to read JSON Lines from stdin");
    }
    if (threads != null && threads < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1");
    }
    DiagnoseBatch batch = new DiagnoseBatch(files, jsonl);
    Format chosen = format != null ? format : batch.readsJsonLines() ? Format.jsonl : Format.text;
    KnowledgeBase knowledge = rules.loadCompiled(err);
    int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    return batch.run(knowledge, chosen, explain, workers, out, err);
  }

}
