package dev.rdpdoctor.cli;

import dev.rdpdoctor.knowledge.Inspection;
import dev.rdpdoctor.ruletools.CatalogWriter;
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

/** {@code rules doc}: the knowledge-base catalog in Markdown. */
@Command(
    name = "doc",
    description = "Write the knowledge-base catalog (Markdown): causes, rules, CFs, fixes, sources.",
    mixinStandardHelpOptions = true)
final class RulesDocCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin RulesOption rules;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of stdout.")
  Path output;

  @Option(names = "--force", description = "Replace FILE if it exists.")
  boolean force;

  @Override
  public Integer call() {
    Inspection inspection = rules.inspect();
    List<InputError> errors = inspection.errors();
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    String catalog = new CatalogWriter().write(inspection);
    if (output == null) {
      spec.commandLine().getOut().print(catalog);
      spec.commandLine().getOut().flush();
    } else {
      OutputFile.write(spec.commandLine(), output, catalog, force);
      spec.commandLine().getErr().println("rules doc: wrote " + ControlCharacters.name(output.toString())
          + " (" + inspection.causes().size() + " causes, " + inspection.rules().size() + " rules, "
          + inspection.sources().size() + " sources)");
      spec.commandLine().getErr().flush();
    }
    return ExitCode.OK;
  }
}
