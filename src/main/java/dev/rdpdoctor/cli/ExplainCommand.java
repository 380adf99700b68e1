package dev.rdpdoctor.cli;

import dev.rdpdoctor.casefile.CaseFile;
import dev.rdpdoctor.casefile.CaseFileReader;
import dev.rdpdoctor.engine.Diagnoser;
import dev.rdpdoctor.engine.Diagnosis;
import dev.rdpdoctor.evidence.Evidence;
import dev.rdpdoctor.knowledge.KnowledgeBase;
import dev.rdpdoctor.report.ExplainReport;
import dev.rdpdoctor.yaml.Suggestions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rdp-doctor explain CASE.yaml [--cause ID]}: how, why not, and why this fix. */
@Command(
    name = "explain",
    description = "How each cause got its rank, why the others did not, and why each fix is where it is in the plan.",
    mixinStandardHelpOptions = true)
final class ExplainCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "CASE.yaml", arity = "0..1", description = "The symptom file (optional with --evidence).")
  Path file;

  @Option(names = "--cause", paramLabel = "ID", description = "Explain only this cause.")
  String cause;

  @Mixin RulesOption rules;

  @Mixin RedactOption redact;

  @Mixin EvidenceOption evidence;

  @Override
  public Integer call() {
    if (file == null && !evidence.given()) {
      throw new CommandLine.ParameterException(spec.commandLine(), "give a symptom file to explain, or --evidence PATH");
    }
    KnowledgeBase knowledge = rules.load();
    CaseFileReader reader = new CaseFileReader(knowledge.vocabulary(), Clock.systemDefaultZone());
    CaseFile caseFile;
    int exit = ExitCode.OK;
    if (evidence.given()) {
      PrintWriter err = spec.commandLine().getErr();
      Evidence found = evidence.read(knowledge.vocabulary(), redact.progress(err));
      redact.learn(found);
      redact.releaseProgress(err, knowledge.vocabulary(), found.facts().symptoms());
      exit = found.hasErrors() ? ExitCode.INVALID_INPUT : exit;
      caseFile = file == null ? reader.read(found.facts()) : reader.read(file, found.facts(), knowledge.vocabulary());
    } else {
      caseFile = reader.read(file);
    }
    if (cause != null && !knowledge.causes().containsKey(cause)) {
      String hint = Suggestions.closest(cause, knowledge.causes().keySet()).map(s -> "; did you mean '" + s + "'?").orElse("");
      throw new CommandLine.ParameterException(spec.commandLine(), "no cause '" + cause + "' in the knowledge base" + hint);
    }
    Diagnosis d = new Diagnoser(knowledge).diagnose(caseFile);
    redact.print(spec.commandLine().getOut(), caseFile.source(), caseFile.values(),
        out -> new ExplainReport(knowledge).write(d, Optional.ofNullable(cause), out));
    return exit;
  }
}
