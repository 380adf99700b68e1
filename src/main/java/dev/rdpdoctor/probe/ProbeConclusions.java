package dev.rdpdoctor.probe;

import dev.rdpdoctor.casefile.ProbedFacts;
import java.time.LocalDate;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Lays the probe's raw findings out as a symptom file: kept as seen in {@code probe:}, and
 * interpreted where the rules read them (the certificate on the RDP port, NLA and the security
 * layer where the negotiation proves them, the target, the gateway's certificate names), within
 * what a symptom file may hold ({@link WrittenLimits}), under the keys of the probe's contract
 * ({@link ProbeContract}).
 */
final class ProbeConclusions {

  private static final Set<String> OLD_TLS = Set.of("SSLv3", "TLSv1", "TLSv1.1");

  private ProbeConclusions() {}

  static ProbedFacts conclude(Target target, Probe found, LocalDate today) {
    Map<String, String> reasons = new LinkedHashMap<>();
    reasons.put("probe", "seen on the wire");
    reasons.put("path.target", "the name the probe connected to");
    Map<String, String> cuts = new LinkedHashMap<>();
    Probe raw = new WrittenLimits(cuts).bound(found, target, "certificate");

    ProbeTls tls = raw.tls();
    Certificate certificate = tls == null ? null : tls.certificate();
    if (certificate != null) {
      reasons.put("certificate", "the certificate the server presented on the RDP port");
    }

    NegotiationReading reading = new NegotiationReading(raw.negotiation());
    Boolean nla = null;
    SecurityLayer layer = null;
    Boolean oldTlsOnly = null;
    var nlaConclusion = reading.nlaRequired();
    if (nlaConclusion.isPresent()) {
      nla = nlaConclusion.get().value();
      reasons.put("rdp.nla_required", nlaConclusion.get().reason());
    }
    var layerConclusion = reading.securityLayer();
    if (layerConclusion.isPresent()) {
      layer = layerConclusion.get().value();
      reasons.put("rdp.security_layer", layerConclusion.get().reason());
    }
    if (tls != null && tls.error() != null && tls.version() != null && OLD_TLS.contains(tls.version())) {
      oldTlsOnly = true;
      reasons.put("rdp.tls_protocols_disabled", "the server speaks only " + tls.version()
          + " on the RDP port and refused TLS 1.2 and 1.3");
    }

    ProbeGateway probedGateway = raw.gateway();
    List<String> gatewayNames = null;
    Boolean gatewayNameMatches = null;
    if (probedGateway != null) {
      Certificate seen = probedGateway.certificate();
      boolean noNames = seen != null && (seen.names() == null || seen.names().isEmpty());
      gatewayNames = seen == null || noNames ? null : seen.names();
      gatewayNameMatches = noNames ? Boolean.FALSE : null;
      reasons.put("path.kind", "the client goes through the RD Gateway given to the probe");
      reasons.put("path.gateway", seen == null ? "the RD Gateway given to the probe"
          : "the certificate the gateway presented for its name");
    }

    reasons.putAll(cuts);
    String notes = reasons.entrySet().stream()
        .filter(e -> !e.getKey().equals("probe") && !e.getKey().equals("path.target"))
        .map(e -> e.getKey() + ": " + e.getValue())
        .collect(Collectors.joining("\n"));
    SymptomTree symptoms = new SymptomTree()
        .put("title", "Probe of " + target)
        .put("notes", notes.isEmpty() ? null : notes)
        .put("observed", today)
        .put("path.kind", probedGateway == null ? null : ProbeContract.THROUGH_GATEWAY)
        .put("path.target", target.host());
    if (probedGateway != null) {
      symptoms.section("path.gateway");
      symptoms.put("path.gateway.fqdn", probedGateway.fqdn())
          .put("path.gateway.certificate_names", gatewayNames)
          .put("path.gateway.name_matches", gatewayNameMatches);
    }
    symptoms.put("rdp.nla_required", nla)
        .put("rdp.security_layer", layer)
        .put("rdp.tls_protocols_disabled", oldTlsOnly);
    ProbeSection.certificate(symptoms, "certificate", certificate);
    ProbeSection.write(symptoms, raw);
    return new ProbedFacts("probe of " + target, symptoms.tree(), reasons);
  }
}
