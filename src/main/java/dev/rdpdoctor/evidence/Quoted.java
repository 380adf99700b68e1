package dev.rdpdoctor.evidence;

import dev.rdpdoctor.yaml.Excerpt;

/** Something a file holds, quoted in a message: in single quotes, on one line, cut short. */
final class Quoted {

  private Quoted() {}

  static String of(String text) {
    return "'" + Excerpt.of(text) + "'";
  }
}
