package dev.rdpdoctor.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code rdp-doctor rules check|test|doc}: the knowledge team's tools. */
@Command(
    name = "rules",
    description = "The knowledge team's tools: check (compile and lint), test (run the samples), evaluate (measure on resolved tickets), doc (the catalog).",
    mixinStandardHelpOptions = true,
    subcommands = {RulesCheckCommand.class, RulesTestCommand.class, RulesEvaluateCommand.class, RulesDocCommand.class})
final class RulesCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "a subcommand is required: check, test, evaluate or doc");
  }
}
