package dev.rdpdoctor.bench;

import dev.rdpdoctor.batch.GeneratedCases;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** {@code GenerateCases COUNT [SEED]}: that many generated cases as JSON Lines on stdout. */
public final class GenerateCases {

  private GenerateCases() {}

  public static void main(String[] args) throws IOException {
    long count = Long.parseLong(args[0]);
    GeneratedCases cases = new GeneratedCases(Path.of("facts-samples"), args.length > 1 ? Long.parseLong(args[1]) : 1);
    try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16)) {
      for (long n = 1; n <= count; n++) {
        out.write(cases.line(n));
        out.write('\n');
      }
    }
  }
}
