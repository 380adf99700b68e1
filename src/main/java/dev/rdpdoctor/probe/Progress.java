package dev.rdpdoctor.probe;

import java.io.PrintWriter;
import java.io.Writer;

/** One line per step on the progress stream (stderr), so a user sees what the probe is doing. */
public final class Progress {

  private final PrintWriter out;

  public Progress(PrintWriter out) {
    this.out = out;
  }

  public static Progress silent() {
    return new Progress(new PrintWriter(Writer.nullWriter()));
  }

  void say(String line) {
    out.println("probe: " + line);
    out.flush();
  }
}
