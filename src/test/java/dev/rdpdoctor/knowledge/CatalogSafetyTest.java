package dev.rdpdoctor.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rdpdoctor.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fix order over the whole catalog: never a high-risk step first when a safer fix exists. */
class CatalogSafetyTest {

  private final List<Cause> causes = List.copyOf(Fixtures.knowledge().causes().values());

  @Test
  void noHighRiskStepIsOfferedFirstWhenTheCauseHasASaferFix() {
    assertThat(causes).isNotEmpty().allSatisfy(cause -> {
      List<Fix> offered = cause.fixesInSafeOrder();
      assertThat(offered).as("fixes of %s", cause.id()).isNotEmpty();
      if (offered.stream().anyMatch(f -> f.risk() != Risk.HIGH)) {
        assertThat(offered.get(0).risk()).as("first fix of %s", cause.id()).isNotEqualTo(Risk.HIGH);
      }
    });
  }

  @Test
  void everyHighRiskStepIsTestOnlyOrALastResortAndCarriesItsRollback() {
    assertThat(causes).allSatisfy(cause -> {
      List<Fix> offered = cause.fixesInSafeOrder();
      for (int i = 0; i < offered.size(); i++) {
        Fix f = offered.get(i);
        if (f.risk() == Risk.HIGH) {
          assertThat(f.rollback()).as("rollback of %s", f.id()).isNotBlank();
          boolean lastResort = offered.subList(i, offered.size()).stream().allMatch(g -> g.risk() == Risk.HIGH);
          assertThat(f.isTestOnly() || lastResort).as("%s is test only or a last resort", f.id()).isTrue();
        }
      }
    });
  }

  @Test
  void theSafeOrderPutsLowRiskFirstThenRealFixesBeforeTests() {
    Fix test = new Fix("t", "T", Risk.MEDIUM, null, List.of("s"), "r", "v", null, true, null);
    Fix high = new Fix("h", "H", Risk.HIGH, null, List.of("s"), "r", "v", null, false, null);
    Fix medium = new Fix("m", "M", Risk.MEDIUM, Restart.REBOOT, List.of("s"), "r", "v", null, false, null);
    Fix low = new Fix("l", "L", Risk.LOW, null, List.of("s"), "r", "v", null, false, null);
    Cause c = new Cause("c", "C", null, null, null, List.of(high, test, medium, low));
    assertThat(c.fixesInSafeOrder()).containsExactly(low, medium, test, high);
  }
}
