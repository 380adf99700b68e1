package dev.rdpdoctor.casefile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rdpdoctor.yaml.YamlMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * A case's values as the records the rest of the tool still reads ({@link SymptomFile}): the
 * keys the records have, the others left out. The values, read against the vocabulary, are
 * what the rules read; this view goes away with the records.
 */
final class RecordView {

  private static final ObjectMapper MAPPER = YamlMapper.yaml().copy()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private RecordView() {}

  static SymptomFile of(CaseValues values) {
    try {
      SymptomFile f = MAPPER.treeToValue(CaseValuesTree.of(values.root()), SymptomFile.class);
      ConnectionPath path = f.path() == null ? ConnectionPath.unknown() : f.path();
      return new SymptomFile(f.title(), f.notes(), values.observed(), f.error(), f.client(), path, f.host(), f.rdp(),
          f.certificate(), f.sessions(), f.events(), f.tests(), f.probe(), f.expect());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the values read do not make the records: " + e.getOriginalMessage(), e);
    }
  }

  static List<Fact> facts(SymptomFile f) {
    Gateway gateway = f.path() == null ? null : f.path().gateway();
    Certificate certificate = f.certificate();
    List<Fact> facts = new ArrayList<>();
    facts.add(new Fact("error", f.error() == null ? ErrorReport.unknown() : f.error()));
    facts.add(new Fact("client", f.client() == null ? Client.unknown() : f.client()));
    facts.add(new Fact("path", f.path() == null ? ConnectionPath.unknown() : f.path()));
    facts.add(new Fact("path.gateway", gateway == null ? Gateway.unknown() : gateway));
    Host host = f.host() == null ? Host.unknown() : f.host();
    facts.add(new Fact("host", host));
    if (host.recentChanges() != null) {
      for (int i = 0; i < host.recentChanges().size(); i++) {
        facts.add(new Fact("host.recent_changes[" + i + "]", host.recentChanges().get(i)));
      }
    }
    facts.add(new Fact("rdp", f.rdp() == null ? RdpSettings.unknown() : f.rdp()));
    facts.add(new Fact("certificate", certificate == null ? Certificate.unknown() : certificate));
    facts.add(new Fact("sessions", f.sessions() == null ? Sessions.unknown() : f.sessions()));
    for (int i = 0; i < f.events().size(); i++) {
      facts.add(new Fact("events[" + i + "]", f.events().get(i)));
    }
    facts.add(new Fact("tests", f.tests() == null ? DifferentialTests.unknown() : f.tests()));
    Probe probe = f.probe();
    if (probe != null) {
      if (probe.dns() != null) {
        facts.add(new Fact("probe.dns", probe.dns()));
      }
      if (probe.tcp() != null) {
        facts.add(new Fact("probe.tcp", probe.tcp()));
      }
      if (probe.negotiation() != null) {
        for (int i = 0; i < probe.negotiation().size(); i++) {
          facts.add(new Fact("probe.negotiation[" + i + "]", probe.negotiation().get(i)));
        }
      }
      if (probe.tls() != null) {
        facts.add(new Fact("probe.tls", probe.tls()));
      }
    }
    return facts;
  }
}
