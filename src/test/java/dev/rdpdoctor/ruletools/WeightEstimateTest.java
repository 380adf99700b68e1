package dev.rdpdoctor.ruletools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rdpdoctor.ruletools.evaluation.Share;
import dev.rdpdoctor.ruletools.evaluation.WeightEstimate;
import org.junit.jupiter.api.Test;

/** The suggested weights' estimator and the Wilson intervals, against values worked out by hand or published. */
class WeightEstimateTest {

  @Test
  void wilsonIntervalsAreThePublishedOnes() {
    // Newcombe (1998), table I: 0 of 10 and 5 of 10, 95 % score intervals
    Share none = new Share(0, 10);
    assertThat(none.low()).isZero();
    assertThat(none.high()).isCloseTo(0.2775, within(1e-4));
    Share half = new Share(5, 10);
    assertThat(half.low()).isCloseTo(0.2366, within(1e-4));
    assertThat(half.high()).isCloseTo(0.7634, within(1e-4));
    Share all = new Share(10, 10);
    assertThat(all.high()).isEqualTo(1.0);
    assertThat(all.low()).isCloseTo(0.7225, within(1e-4));
  }

  @Test
  void withoutATicketTheSuggestionIsTheCurrentWeight() {
    double b = WeightEstimate.baseRate(2, 60, 34);
    for (double cf : new double[] {-0.8, -0.3, 0, 0.15, 0.6, 1}) {
      assertThat(WeightEstimate.suggest(cf, 0, 0, b)).as("cf %s", cf).isCloseTo(cf, within(0.005));
    }
  }

  @Test
  void aRuleAlwaysRightRisesOneNeverRightFallsAndBelowTheBaseRateTurnsNegative() {
    double b = WeightEstimate.baseRate(2, 7, 3); // 0.3, worked out: (2 + 1) / (7 + 3)
    assertThat(b).isCloseTo(0.3, within(1e-12));
    // p_w = 0.3 + 0.7 * 0.7 = 0.79; p = (0 + 4 * 0.79) / 7 = 0.4514; (0.4514 - 0.3) / 0.7 = 0.216
    assertThat(WeightEstimate.suggest(0.7, 3, 0, b)).isEqualTo(0.22);
    assertThat(WeightEstimate.suggest(0.6, 3, 3, b)).isGreaterThan(0.6);
    assertThat(WeightEstimate.suggest(0.15, 24, 0, WeightEstimate.baseRate(3, 60, 34))).isNegative();
    // more tickets, the same record: the data weigh more
    assertThat(WeightEstimate.suggest(0.7, 30, 0, b)).isLessThan(WeightEstimate.suggest(0.7, 3, 0, b));
  }

  @Test
  void aRuleAgainstACauseThatFiresOnItsTicketsTurnsTowardsIt() {
    double b = WeightEstimate.baseRate(1, 60, 34);
    assertThat(WeightEstimate.suggest(-0.6, 10, 0, b)).isLessThan(-0.6);
    assertThat(WeightEstimate.suggest(-0.3, 6, 1, WeightEstimate.baseRate(1, 60, 34))).isGreaterThan(-0.3);
  }
}
