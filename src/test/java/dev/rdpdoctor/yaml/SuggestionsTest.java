package dev.rdpdoctor.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

  private static final List<String> KEYS = List.of("nla_required", "security_layer", "port", "enabled");

  @Test
  void suggestsTheKeyATypoWasMeantToBe() {
    assertThat(Suggestions.closest("nla_requird", KEYS)).contains("nla_required");
    assertThat(Suggestions.closest("securty_layer", KEYS)).contains("security_layer");
    assertThat(Suggestions.closest("prot", KEYS)).contains("port");
  }

  @Test
  void staysQuietWhenNothingIsClose() {
    assertThat(Suggestions.closest("colour", KEYS)).isEmpty();
  }

  @Test
  void distanceCountsEdits() {
    assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(Suggestions.distance("same", "same")).isZero();
  }
}
