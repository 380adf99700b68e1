package dev.rdpdoctor.probe;

import java.util.List;

/** What the name resolved to, or why it did not: {@code probe.dns}. */
record ProbeDns(String name, List<String> addresses, String error) {

  ProbeDns {
    addresses = addresses == null ? null : List.copyOf(addresses);
  }
}
