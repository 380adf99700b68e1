package dev.rdpdoctor.cli;

import dev.rdpdoctor.casefile.vocabulary.Vocabulary;
import dev.rdpdoctor.evidence.Evidence;
import dev.rdpdoctor.evidence.EvidenceReader;
import dev.rdpdoctor.problem.ControlCharacters;
import dev.rdpdoctor.problem.InputError;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --evidence PATH}: Windows' own exports (a file, a folder or the collector's zip) read into
 * the case, merged into the symptom file given as the probe's findings are: the user's statements
 * win, disagreements are listed. What was skipped, and why, and the problems of malformed
 * exports, located, go to stderr; the rest is read all the same.
 */
final class EvidenceOption {

  @Option(names = "--evidence", paramLabel = "PATH",
      description = "Read Windows' own exports from this file, folder or zip (registry exports, .rdp files, event logs as XML,"
          + " CSV or JSON, command outputs, or the collector's zip) into the case; your statements win, disagreements are listed.")
  Path path;

  boolean given() {
    return path != null;
  }

  /**
   * Refuses, as a usage error of one sentence, what does not go with {@code --evidence}: it is
   * read into one case, so not with folders of cases or JSON Lines, and not with a probe.
   */
  static void check(CommandLine cli, List<Path> files, boolean jsonLines, boolean probing) {
    if (probing) {
      throw new CommandLine.ParameterException(cli, "--evidence and --probe: give one of them");
    }
    if (jsonLines || files.stream().anyMatch(f -> f.toString().equals("-") || f.toString().endsWith(".jsonl") || Files.isDirectory(f))) {
      throw new CommandLine.ParameterException(cli, "--evidence goes with symptom files, not with folders or JSON Lines");
    }
  }

  /** Reads the evidence, saying on {@code err} what was skipped and what could not be read. */
  Evidence read(Vocabulary vocabulary, PrintWriter err) {
    Evidence evidence = new EvidenceReader(vocabulary).read(path);
    report(evidence, err);
    return evidence;
  }

  /** One line per file skipped and per problem, then what was read. */
  static void report(Evidence evidence, PrintWriter err) {
    evidence.skipped().forEach(s -> err.println("evidence: skipped " + ControlCharacters.name(s.name()) + ": " + s.why()));
    InputError.print(evidence.problems(), err);
    err.println("evidence: read " + evidence.read().size() + (evidence.read().size() == 1 ? " file" : " files")
        + (evidence.skipped().isEmpty() ? "" : ", skipped " + evidence.skipped().size())
        + "; found " + count(evidence) + " of the symptom file's values");
    err.flush();
  }

  private static int count(Evidence evidence) {
    int[] n = {0};
    evidence.facts().symptoms().fields().forEachRemaining(f -> n[0] += leaves(f.getValue()));
    return n[0];
  }

  private static int leaves(com.fasterxml.jackson.databind.JsonNode node) {
    if (node.isObject()) {
      int[] n = {0};
      node.fields().forEachRemaining(f -> n[0] += leaves(f.getValue()));
      return n[0];
    }
    if (node.isArray() && node.size() > 0 && node.get(0).isObject()) {
      return node.size();
    }
    return 1;
  }
}
