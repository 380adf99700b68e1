package dev.rdpdoctor.knowledge;

import java.util.List;

/**
 * One pattern of a rule's condition, as written: {@code Certificate(expired == true)}.
 *
 * @param type the fact type's simple name
 * @param fields the field paths its constraints read ({@code expired}, {@code certificate.notAfter}),
 *     and the methods they call, written with parentheses ({@code mentions()})
 * @param negated inside {@code not}: the rule needs this to be absent
 */
public record PatternInfo(String type, int line, List<String> fields, List<String> constraints, boolean negated) {

  public PatternInfo {
    fields = List.copyOf(fields);
    constraints = List.copyOf(constraints);
  }
}
