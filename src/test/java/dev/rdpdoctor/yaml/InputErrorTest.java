package dev.rdpdoctor.yaml;

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
  void refusesAnEmptyMessage() {
    assertThatThrownBy(() -> InputError.error("a", 1, 1, "  ")).isInstanceOf(IllegalArgumentException.class);
  }
}
