package dev.rdpdoctor.knowledge;

import java.util.List;

/** The document {@code codes.yaml}. */
public record CodeCatalog(List<CodeMeaning> codes) {

  public CodeCatalog {
    codes = codes == null ? List.of() : List.copyOf(codes);
  }
}
