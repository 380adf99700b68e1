package dev.rdpdoctor.probe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.rdpdoctor.casefile.ProbedFacts;
import dev.rdpdoctor.yaml.YamlMapper;
import java.time.Duration;

/** Runs the probe the way the tests need it: quick, quiet, with the default step timeouts. */
final class Probes {

  static final ProbeSettings QUICK = new ProbeSettings(Duration.ofSeconds(6), 2, Duration.ZERO);

  private Probes() {}

  static Probe rdp(Target target) {
    return new RdpPortProbe(QUICK, Progress.silent()).run(target);
  }

  /** The value the probe wrote at {@code path} ({@code rdp.nla_required}); a missing node when it wrote none. */
  static JsonNode at(ProbedFacts facts, String path) {
    return facts.symptoms().at("/" + path.replace('.', '/'));
  }

  /** The raw findings the probe wrote under {@code probe:}, read back into its own records. */
  static Probe raw(ProbedFacts facts) {
    try {
      return YamlMapper.yaml().treeToValue(facts.symptoms().get("probe"), Probe.class);
    } catch (JsonProcessingException e) {
      throw new AssertionError("the probe section does not read back: " + e.getOriginalMessage(), e);
    }
  }

  static ProbeNegotiation answer(Probe probe, RdpProtocol requested) {
    return probe.negotiation().stream().filter(n -> n.requested() == requested).findFirst()
        .orElseThrow(() -> new AssertionError("no answer recorded for " + requested + ": " + probe.negotiation()));
  }
}
