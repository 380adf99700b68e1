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
import java.util.List;
import java.util.concurrent.Callable;
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

  enum Format { text, json }

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "CASE.yaml", description = "Symptom file(s) to diagnose.")
  List<Path> files;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--explain", description = "Show the rules, facts, CF arithmetic and sources behind each cause.")
  boolean explain;

  @Mixin RulesOption rules;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
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

}
