package dev.rdpdoctor.cli;

import dev.rdpdoctor.casefile.vocabulary.Vocabulary;
import dev.rdpdoctor.casefile.vocabulary.VocabularyReader;
import dev.rdpdoctor.knowledge.Inspection;
import dev.rdpdoctor.ruletools.CatalogWriter;
import dev.rdpdoctor.ruletools.SymptomFileDocWriter;
import dev.rdpdoctor.ruletools.SymptomFileText;
import dev.rdpdoctor.problem.ControlCharacters;
import dev.rdpdoctor.problem.InputError;
import dev.rdpdoctor.problem.InvalidInputException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code rules doc}: the knowledge-base catalog in Markdown; with {@code --symptom-file}, the
 * symptom-file reference, written from the vocabulary.
 */
@Command(
    name = "doc",
    description = {"Write the knowledge-base catalog (Markdown): causes, rules, CFs, fixes, sources.",
        "With --symptom-file, the symptom-file reference instead: every section and key, from the vocabulary."},
    mixinStandardHelpOptions = true)
final class RulesDocCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin RulesOption rules;

  @Option(names = "--symptom-file", description = "Write the symptom-file reference (docs/symptom-file.md) from the"
      + " rules' vocabulary/: each key's type, meaning and example, with the text of vocabulary/"
      + SymptomFileText.NAME + ".")
  boolean symptomFile;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of stdout.")
  Path output;

  @Option(names = "--force", description = "Replace FILE if it exists.")
  boolean force;

  @Override
  public Integer call() {
    if (symptomFile) {
      RulesOption.VocabularyFolder at = rules.vocabularyFolder();
      Vocabulary vocabulary = new VocabularyReader().read(at.folder(), at.shownAs());
      String reference = new SymptomFileDocWriter().write(vocabulary, SymptomFileText.read(at.folder(), at.shownAs()));
      return emit(reference, vocabulary.places().size() + " keys");
    }
    Inspection inspection = rules.inspect();
    List<InputError> errors = inspection.errors();
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return emit(new CatalogWriter().write(inspection), inspection.causes().size() + " causes, "
        + inspection.rules().size() + " rules, " + inspection.sources().size() + " sources");
  }

  /** The document on stdout, or in the {@code -o} file, saying so with {@code counts} on stderr. */
  private int emit(String document, String counts) {
    if (output == null) {
      spec.commandLine().getOut().print(document);
      spec.commandLine().getOut().flush();
    } else {
      OutputFile.write(spec.commandLine(), output, document, force);
      spec.commandLine().getErr().println("rules doc: wrote " + ControlCharacters.name(output.toString()) + " (" + counts + ")");
      spec.commandLine().getErr().flush();
    }
    return ExitCode.OK;
  }
}
