package dev.rdpdoctor.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rdpdoctor.casefile.CaseFileReader;
import dev.rdpdoctor.casefile.CaseFileWriter;
import dev.rdpdoctor.casefile.vocabulary.Vocabulary;
import dev.rdpdoctor.evidence.Evidence;
import dev.rdpdoctor.evidence.EvidenceReader;
import dev.rdpdoctor.problem.ControlCharacters;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rdp-doctor import PATH [-o case.yaml]}: Windows' own exports as a symptom file. */
@Command(
    name = "import",
    description = {
      "Read Windows' own exports (a file, a folder or the collector's zip: registry exports, .rdp files, event logs as XML,"
          + " CSV or JSON, command outputs) and write what they show as a symptom file, where each value was found in a comment.",
      "Files of no kind it reads are skipped, saying why, on stderr; a malformed export is a located error, and the rest is read."
    },
    mixinStandardHelpOptions = true)
final class ImportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PATH", description = "The evidence: a file, a folder or a zip.")
  Path path;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the symptom file to FILE instead of stdout.")
  Path output;

  @Option(names = "--force", description = "Replace FILE if it exists.")
  boolean force;

  @Mixin RulesOption rules;

  @Mixin RedactOption redact;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    Vocabulary vocabulary = RulesVocabulary.of(rules.folder()).vocabulary();
    Evidence evidence = new EvidenceReader(vocabulary).read(path);
    PrintWriter progress = redact.progress(err);
    EvidenceOption.report(evidence, progress);
    redact.learn(evidence);
    redact.releaseProgress(err, vocabulary, evidence.facts().symptoms());
    // what is written must read back: the same checks as any symptom file
    new CaseFileReader(vocabulary, Clock.systemDefaultZone()).read(evidence.facts());
    ObjectNode symptoms = redact.symptoms(vocabulary, evidence.facts().symptoms());
    String yaml = header(evidence) + new CaseFileWriter().write(symptoms);
    if (output == null) {
      spec.commandLine().getOut().print(yaml);
      spec.commandLine().getOut().flush();
    } else {
      OutputFile.write(spec.commandLine(), output, yaml, force);
      err.println("import: wrote " + ControlCharacters.name(output.toString()));
      err.flush();
    }
    return evidence.hasErrors() ? ExitCode.INVALID_INPUT : ExitCode.OK;
  }

  /** Comments saying what the file was read from, and where each value was found. */
  private String header(Evidence evidence) {
    String header = CaseFileWriter.comment("Written by rdp-doctor import from "
        + (redact.on ? "the evidence" : evidence.facts().origin().substring("evidence ".length()))
        + "; diagnose it with: rdp-doctor diagnose FILE") + evidence.whereFound();
    return redact.on ? redact.text(header) : header;
  }
}
