package dev.rdpdoctor.knowledge;

import java.util.List;

/** The document {@code questions.yaml}. */
public record QuestionCatalog(List<Question> questions) {

  public QuestionCatalog {
    questions = questions == null ? List.of() : List.copyOf(questions);
  }
}
