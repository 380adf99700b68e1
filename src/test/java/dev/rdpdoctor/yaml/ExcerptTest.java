package dev.rdpdoctor.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rdpdoctor.problem.ControlCharacters;
import org.junit.jupiter.api.Test;

class ExcerptTest {

  @Test
  void anExcerptOfAValueShowsItsControlCharactersAsEscapes() {
    assertThat(Excerpt.of("\u001b]0;TITLE\u0007\u001b[2Jx\u0085y")).isEqualTo("\\e]0;TITLE\\a\\e[2Jx\\u0085y");
    String longer = "\u001b[2J".repeat(40);
    assertThat(Excerpt.of(longer)).startsWith("\\e[2J\\e[2J").endsWith("... (160 characters)")
        .satisfies(e -> assertThat(e.chars()).noneMatch(ControlCharacters::acted));
  }
}
