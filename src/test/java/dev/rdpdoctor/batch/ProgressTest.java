package dev.rdpdoctor.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ProgressTest {

  @Test
  void withAKnownTotalItDrawsABarInPlaceAndClearsIt() {
    StringWriter text = new StringWriter();
    Progress p = new Progress(new PrintWriter(text), OptionalLong.of(200));
    p.update(50);
    assertThat(text.toString()).startsWith("\r[#######.......................]  25%  50 / 200 cases").contains("cases/s");
    p.clear();
    assertThat(text.toString()).endsWith("\r");
    assertThat(text.toString()).doesNotContain("\n");
  }

  @Test
  void withoutATotalItCounts() {
    StringWriter text = new StringWriter();
    new Progress(new PrintWriter(text), OptionalLong.empty()).update(12_345);
    assertThat(text.toString()).startsWith("\r12,345 cases  ");
  }

  @Test
  void noneDrawsNothing() {
    Progress none = Progress.none();
    none.update(5);
    none.clear();
  }
}
