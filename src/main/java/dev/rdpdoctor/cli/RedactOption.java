package dev.rdpdoctor.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rdpdoctor.casefile.CaseValues;
import dev.rdpdoctor.casefile.vocabulary.Vocabulary;
import dev.rdpdoctor.evidence.Evidence;
import dev.rdpdoctor.report.Redactor;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.Consumer;
import picocli.CommandLine.Option;

/**
 * {@code --redact}: output that can be shared in public. Host names, IP addresses, user names,
 * certificate subjects and thumbprints become stable placeholders ({@code host-1.domain-1},
 * {@code ip-1}, {@code user-1}, {@code subject-1}) in every report format and in the probe's
 * output. What the command prints is held back and redacted before it is written.
 */
final class RedactOption {

  @Option(names = "--redact",
      description = "Replace host names, IP addresses, user names, certificate subjects and thumbprints with "
          + "placeholders (host-1, ip-1, user-1, subject-1), the same in every place, so the output can be shared.")
  boolean on;

  /** Made when first needed: it sets up a YAML mapper, which a run without --redact does not need. */
  private Redactor redactor;

  private Redactor redactor() {
    if (redactor == null) {
      redactor = new Redactor();
    }
    return redactor;
  }

  /** Prints what {@code write} writes for the case {@code source}, redacted when asked. */
  void print(PrintWriter out, String source, CaseValues values, Consumer<PrintWriter> write) {
    if (!on) {
      write.accept(out);
      return;
    }
    redactor().learn(source, values);
    StringWriter held = new StringWriter();
    PrintWriter buffer = new PrintWriter(held);
    write.accept(buffer);
    buffer.flush();
    out.print(redactor().apply(held.toString()));
    out.flush();
  }

  /** Where the probe's progress goes: straight to {@code err}, or held until it can be redacted. */
  PrintWriter progress(PrintWriter err) {
    return on ? new PrintWriter(heldProgress) : err;
  }

  /**
   * Learns the names the evidence gives away, before anything is written: its own name and
   * folders, and the computers its exports say they come from.
   */
  void learn(Evidence evidence) {
    if (on) {
      redactor().learn(evidence.facts().origin(), null);
      redactor().learnMachines(evidence.machines());
    }
  }

  /** Writes the held progress, redacted with what the probe found. */
  void releaseProgress(PrintWriter err, Vocabulary vocabulary, ObjectNode found) {
    if (on) {
      redactor().learn(vocabulary, found);
      err.print(redactor().apply(heldProgress.toString()));
      err.flush();
    }
  }

  /** {@code text} redacted with what was learned, when asked; unchanged when not. */
  String text(String text) {
    return on ? redactor().apply(text) : text;
  }

  /** The probe's symptom file itself redacted, for its output; unchanged when not asked. */
  ObjectNode symptoms(Vocabulary vocabulary, ObjectNode symptoms) {
    return on ? redactor().apply(vocabulary, symptoms) : symptoms;
  }

  private final StringWriter heldProgress = new StringWriter();
}
