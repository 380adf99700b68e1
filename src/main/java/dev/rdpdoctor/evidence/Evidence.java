package dev.rdpdoctor.evidence;

import dev.rdpdoctor.casefile.CaseFileWriter;
import dev.rdpdoctor.casefile.ProbedFacts;
import dev.rdpdoctor.problem.InputError;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the evidence given shows, as a symptom file, and how it was read: each file read and its
 * kind, each file skipped and why, and the problems found, located.
 *
 * @param facts the values found, each with where it was found, as the probe gives its findings
 * @param problems errors and warnings, each located in its file
 * @param machines the computers the exports say they come from (events' {@code <Computer>}, the
 *     collector's note): no values of the case, but names {@code --redact} hides
 */
public record Evidence(ProbedFacts facts, List<ReadFile> read, List<SkippedFile> skipped, List<InputError> problems,
    Set<String> machines) {

  public Evidence {
    Objects.requireNonNull(facts, "facts");
    read = List.copyOf(read);
    skipped = List.copyOf(skipped);
    problems = List.copyOf(problems);
    machines = Collections.unmodifiableSet(new TreeSet<>(machines));
  }

  /** A file read: its name in the evidence, what kind of export it is, and how many things it says. */
  public record ReadFile(String name, String kind, int observations) {}

  /** A file not read, and why: it is no export rdp-doctor reads. */
  public record SkippedFile(String name, String why) {}

  /**
   * Where each value was found, as comment lines of a symptom file ({@code #   rdp.nla_required:
   * RDP-Tcp.reg line 14: ...}); empty when nothing was found.
   */
  public String whereFound() {
    java.util.Map<String, String> reasons = new java.util.TreeMap<>(facts.reasons());
    if (reasons.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder(CaseFileWriter.comment("Where each value was found:"));
    reasons.forEach((k, v) -> out.append(CaseFileWriter.comment("  " + k + ": " + v)));
    return out.toString();
  }

  /** Whether some of the evidence could not be read: an error, not a warning. */
  public boolean hasErrors() {
    return problems.stream().anyMatch(InputError::isError);
  }
}
