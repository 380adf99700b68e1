package dev.rdpdoctor.cli;

import picocli.CommandLine.Command;

/** {@code rdp-doctor rules check|test|doc}: the knowledge team's tools. */
@Command(
    name = "rules",
    description = "The knowledge team's tools: check (compile and lint), test (run the samples), doc (the catalog).",
    mixinStandardHelpOptions = true,
    subcommands = {RulesCheckCommand.class, RulesTestCommand.class, RulesDocCommand.class})
final class RulesCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: check, test or doc");
  }
}
