package dev.rdpdoctor.knowledge;

import java.util.Locale;

/** Prototype: what a record's helper method did, as a function rules import ({@code mentions(text, "10013")}). */
public final class FactFunctions {

  private FactFunctions() {}

  /** True when {@code text} mentions {@code fragment}, ignoring case. */
  public static boolean mentions(String text, String fragment) {
    return text != null && text.toLowerCase(Locale.ROOT).contains(fragment.toLowerCase(Locale.ROOT));
  }
}
