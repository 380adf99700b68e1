package dev.rdpdoctor.knowledge;

import java.util.List;

/**
 * A fact type a rules file declares itself ({@code declare Marker name : String end}), which
 * its consequences may insert.
 *
 * @param name the type's simple name
 * @param fields the fields it declares
 * @param inherits whether it extends another type, whose fields it has too
 */
public record DeclaredType(String name, String file, int line, List<String> fields, boolean inherits) {

  public DeclaredType {
    fields = List.copyOf(fields);
  }
}
