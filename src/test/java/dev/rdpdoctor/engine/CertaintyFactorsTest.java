package dev.rdpdoctor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CertaintyFactorsTest {

  private static double cf(Double... cfs) {
    return CertaintyFactors.combine(List.of(cfs)).cf();
  }

  @Test
  void positivesCombineAsXPlusYMinusXy() {
    assertThat(cf(0.8, 0.6)).isCloseTo(0.92, within(1e-12));
    assertThat(cf(0.8, 0.6, 0.2)).isCloseTo(0.936, within(1e-12));
  }

  @Test
  void negativesCombineAsXPlusYPlusXy() {
    assertThat(cf(-0.5, -0.5)).isCloseTo(-0.75, within(1e-12));
  }

  @Test
  void mixedSignsDivideByOneMinusTheSmallerMagnitude() {
    // p = 0.8, n = -0.6: (0.8 - 0.6) / (1 - 0.6) = 0.5
    assertThat(cf(0.8, -0.6)).isCloseTo(0.5, within(1e-12));
    CertaintyFactors.Combined c = CertaintyFactors.combine(List.of(0.8, -0.6));
    assertThat(c.positive()).isEqualTo(0.8);
    assertThat(c.negative()).isEqualTo(-0.6);
  }

  @Test
  void certaintyBothWaysCancelsOut() {
    assertThat(cf(1.0, -1.0)).isZero();
  }

  @Test
  void noEvidenceIsZero() {
    assertThat(cf()).isZero();
  }

  @Test
  void theOrderOfTheEvidenceDoesNotMatter() {
    List<Double> evidence = new ArrayList<>(List.of(0.8, -0.3, 0.2, 0.6, -0.7, 0.35));
    double expected = CertaintyFactors.combine(evidence).cf();
    Random random = new Random(42);
    for (int i = 0; i < 50; i++) {
      Collections.shuffle(evidence, random);
      assertThat(CertaintyFactors.combine(evidence).cf()).isCloseTo(expected, within(1e-12));
    }
  }

  @Test
  void staysWithinMinusOneAndOne() {
    assertThat(cf(0.99, 0.99, 0.99)).isLessThanOrEqualTo(1.0);
    assertThat(cf(-0.99, -0.99, -0.99)).isGreaterThanOrEqualTo(-1.0);
  }
}
