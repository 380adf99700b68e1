package dev.rdpdoctor.cli;

import dev.rdpdoctor.casefile.CaseFileWriter;
import dev.rdpdoctor.casefile.ProbedFacts;
import dev.rdpdoctor.casefile.vocabulary.Vocabulary;
import dev.rdpdoctor.problem.ControlCharacters;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rdp-doctor probe HOST[:PORT]}: gather the facts from a live host into a symptom file. */
@Command(
    name = "probe",
    description = {
      "Gather the facts from a live host and write them as a symptom file: DNS, TCP, the RDP negotiation "
          + "per security protocol, the TLS certificate, and optionally the RD Gateway.",
      "Read-only and without credentials; every step has a timeout. Progress goes to stderr."
    },
    mixinStandardHelpOptions = true)
final class ProbeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "HOST[:PORT]", description = "The host to probe (port 3389 unless given).")
  String target;

  @Mixin ProbeOptions probe;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the symptom file to FILE instead of stdout.")
  Path output;

  @Option(names = "--force", description = "Replace FILE if it exists.")
  boolean force;

  @Mixin RedactOption redact;

  private RulesVocabulary rulesVocabulary;

  @Override
  public Integer call() {
    ProbedFacts facts = probe.probe(spec.commandLine(), target, redact.progress(spec.commandLine().getErr()),
        this::rulesVocabulary);
    Vocabulary vocabulary = rulesVocabulary().vocabulary();
    redact.releaseProgress(spec.commandLine().getErr(), vocabulary, facts.symptoms());
    String yaml = "# Written by rdp-doctor probe; diagnose it with: rdp-doctor diagnose FILE\n"
        + new CaseFileWriter().write(redact.symptoms(vocabulary, facts.symptoms()));
    if (output == null) {
      spec.commandLine().getOut().print(yaml);
      spec.commandLine().getOut().flush();
    } else {
      OutputFile.write(spec.commandLine(), output, yaml, force);
      spec.commandLine().getErr().println("probe: wrote " + ControlCharacters.name(output.toString()));
      spec.commandLine().getErr().flush();
    }
    return ExitCode.OK;
  }

  /** The vocabulary of the rules the probe's file is for, read once, when the options are found usable. */
  private RulesVocabulary rulesVocabulary() {
    if (rulesVocabulary == null) {
      rulesVocabulary = RulesVocabulary.of(RulesOption.defaultFolder());
    }
    return rulesVocabulary;
  }
}
