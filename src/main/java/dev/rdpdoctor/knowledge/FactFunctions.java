package dev.rdpdoctor.knowledge;

import java.util.Locale;

/**
 * Functions rules may call on the values of a fact, in place of a method of the fact: the fact
 * types declared from the vocabulary have fields and nothing else. A rule imports one by name,
 * {@code import function dev.rdpdoctor.knowledge.FactFunctions.mentions;}, and names the field it
 * reads, {@code WindowsEvent(id == 36871, mentions(text, "10013"))}, so the trace sees the field.
 * Each is a plain function of its arguments, true or false for an unknown (null) value as it says.
 */
public final class FactFunctions {

  private FactFunctions() {}

  /** True when {@code text} mentions {@code fragment}, ignoring case; false when the text is unknown. */
  public static boolean mentions(String text, String fragment) {
    return text != null && text.toLowerCase(Locale.ROOT).contains(fragment.toLowerCase(Locale.ROOT));
  }
}
