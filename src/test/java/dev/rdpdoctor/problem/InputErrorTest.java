package dev.rdpdoctor.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InputErrorTest {

  @Test
  void formatsAsFileLineColumnSeverityMessage() {
    assertThat(InputError.error("a.yaml", 3, 7, "bad").format()).isEqualTo("a.yaml:3:7: error: bad");
    assertThat(InputError.warning("r.drl", 1, 1, "hm").format()).isEqualTo("r.drl:1:1: warning: hm");
  }

  @Test
  void keepsTheMessageOnOneLine() {
    assertThat(InputError.error("a", 1, 1, "first\n  second\r\nthird").message()).isEqualTo("first second third");
  }

  @Test
  void aMessageShowsTheCharactersATerminalWouldActOnAsEscapes() {
    String message = InputError.error("a.yaml", 2, 8, "'\u001b]0;TITLE\u0007\u001b[2J' is not allowed\u007f\u009b\u202e\u2067").message();
    assertThat(message).isEqualTo("'\\e]0;TITLE\\a\\e[2J' is not allowed\\u007f\\u009b\\u202e\\u2067");
    assertThat(message.chars()).noneMatch(ControlCharacters::acted);
  }

  @Test
  void aFileNameWithALineBreakOrAControlCharacterIsQuotedAndEscapedOnItsLine() {
    assertThat(InputError.error("cases/new\nline.yaml", 2, 1, "bad").format()).isEqualTo("'cases/new\\nline.yaml':2:1: error: bad");
    assertThat(InputError.error("tab\there\u001b[2J\u202e.yaml", 1, 1, "bad").format())
        .isEqualTo("'tab\\there\\e[2J\\u202e.yaml':1:1: error: bad");
    assertThat(InputError.error("it's a \\ name\n.yaml", 1, 1, "bad").format()).isEqualTo("'it\\'s a \\\\ name\\n.yaml':1:1: error: bad");
    assertThat(InputError.error("ordinary names stay as they are, it's 'plain' \\ \u00e9t\u00e9.yaml", 1, 1, "bad").format())
        .isEqualTo("ordinary names stay as they are, it's 'plain' \\ \u00e9t\u00e9.yaml:1:1: error: bad");
  }

  @Test
  void refusesAnEmptyMessage() {
    assertThatThrownBy(() -> InputError.error("a", 1, 1, "  ")).isInstanceOf(IllegalArgumentException.class);
  }
}
