package dev.rdpdoctor.casefile;

import java.util.List;

/** What the name resolved to, or why it did not: {@code probe.dns:}. */
public record ProbeDns(String name, List<String> addresses, String error) {

  public ProbeDns {
    addresses = addresses == null ? null : List.copyOf(addresses);
  }
}
