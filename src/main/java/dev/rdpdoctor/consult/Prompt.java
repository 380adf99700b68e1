package dev.rdpdoctor.consult;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/** The "> " prompt of a conversation: shows it, then reads the line typed (null at end of input). */
public record Prompt(BufferedReader in, PrintWriter out) {

  public String ask() {
    out.print("> ");
    out.flush();
    try {
      return in.readLine();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
