package dev.rdpdoctor.evidence;

import dev.rdpdoctor.problem.InputError;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The reading of one file: what it says, and its problems, located, at most
 * {@link EvidenceLimits#maxErrorsPerFile()} said and the rest counted.
 */
final class FileReading {

  /** The longest DNS name. */
  private static final int MAX_MACHINE_NAME = 253;
  /** Computers named in one file: an export comes from one machine, a forwarded log from a few. */
  private static final int MAX_MACHINES = 256;

  private final String name;
  private final String location;
  private final DecodedText text;
  private final EvidenceLimits limits;
  private final List<Observation> observations = new ArrayList<>();
  private final List<InputError> errors = new ArrayList<>();
  private final Set<String> machines = new LinkedHashSet<>();
  private int unsaid;

  /**
   * @param name the file's name within the evidence, as origins give it
   * @param location where the file is, as errors give it
   */
  FileReading(String name, String location, DecodedText text, EvidenceLimits limits) {
    this.name = name;
    this.location = location;
    this.text = text;
    this.limits = limits;
  }

  String name() {
    return name;
  }

  DecodedText text() {
    return text;
  }

  EvidenceLimits limits() {
    return limits;
  }

  void add(Observation o) {
    observations.add(o);
  }

  /**
   * A computer the file says it comes from (an event's {@code <Computer>}, the collector's
   * {@code Computer:}): no value of the case, but a name {@code --redact} hides. A name longer
   * than a DNS name may be is none.
   */
  void machine(String name) {
    String n = name == null ? "" : name.strip();
    if (!n.isEmpty() && n.length() <= MAX_MACHINE_NAME && machines.size() < MAX_MACHINES) {
      machines.add(n);
    }
  }

  Set<String> machines() {
    return Set.copyOf(machines);
  }

  void error(int line, int column, String message) {
    if (errors.size() < limits.maxErrorsPerFile()) {
      errors.add(InputError.error(location, line, column, message));
    } else {
      unsaid++;
    }
  }

  void warning(int line, int column, String message) {
    if (errors.size() < limits.maxErrorsPerFile()) {
      errors.add(InputError.warning(location, line, column, message));
    } else {
      unsaid++;
    }
  }

  /** Where line {@code line} is, quoting it. */
  Origin origin(int line) {
    return new Origin(name, line, line <= text.lineCount() ? text.line(line) : "");
  }

  Origin origin(int line, String excerpt) {
    return new Origin(name, line, excerpt);
  }

  List<Observation> observations() {
    return List.copyOf(observations);
  }

  /** The problems found, the count of those not said last. */
  List<InputError> errors() {
    List<InputError> out = new ArrayList<>(errors);
    if (unsaid > 0) {
      InputError last = errors.get(errors.size() - 1);
      out.add(InputError.error(location, last.line(), last.column(), "... and " + unsaid + " more problems in this file"));
    }
    return out;
  }

  boolean failed() {
    return errors.stream().anyMatch(InputError::isError);
  }
}
