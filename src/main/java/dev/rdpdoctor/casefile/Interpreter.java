package dev.rdpdoctor.casefile;

import dev.rdpdoctor.yaml.Excerpt;
import dev.rdpdoctor.problem.InputError;
import dev.rdpdoctor.problem.InvalidInputException;
import dev.rdpdoctor.yaml.SourceMap;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Works out the values a symptom file implies (a certificate past its date is expired; a
 * gateway whose certificate lacks its name does not match), refuses statements that contradict
 * them, and lays the case out as facts.
 */
final class Interpreter {

  private final SourceMap sourceMap;
  private final LocalDate observed;
  private final boolean judgeDates;
  private final Map<String, String> derivations = new LinkedHashMap<>();
  private final List<InputError> errors = new ArrayList<>();

  /**
   * @param judgeDates false when the observed date could not be read: a certificate is then not
   *     judged against a date the user did not give
   * @param provenance how values that were not written in the file were found, by path
   */
  Interpreter(SourceMap sourceMap, LocalDate observed, boolean judgeDates, Map<String, String> provenance) {
    this.sourceMap = sourceMap;
    this.observed = observed;
    this.judgeDates = judgeDates;
    derivations.putAll(provenance);
  }

  CaseFile interpret(String source, SymptomFile file) {
    Certificate certificate = validity("certificate", file.certificate());
    ConnectionPath path = file.path() == null ? ConnectionPath.unknown() : file.path();
    Gateway gateway = nameMatch("path.gateway", path.gateway());
    Probe probe = file.probe();
    if (probe != null && probe.tls() != null && probe.tls().certificate() != null) {
      ProbeTls tls = probe.tls();
      Certificate seen = validity("probe.tls.certificate", tls.certificate());
      probe = probe.withTls(new ProbeTls(tls.version(), tls.cipher(), seen, tls.nameMatches(), tls.error()));
    }
    if (probe != null && probe.gateway() != null && probe.gateway().certificate() != null) {
      probe = probe.withGateway(probe.gateway().withCertificate(
          validity("probe.gateway.certificate", probe.gateway().certificate())));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    SymptomFile interpreted =
        new SymptomFile(file.title(), file.notes(), observed, file.error(), file.client(),
            new ConnectionPath(path.kind(), path.target(), gateway), file.host(), file.rdp(),
            certificate, file.sessions(), file.events(), file.tests(), probe, file.expect());
    return new CaseFile(source, interpreted, observed, facts(interpreted, gateway, certificate),
        sourceMap, derivations);
  }

  private Certificate validity(String at, Certificate stated) {
    if (stated == null) {
      return null;
    }
    if (stated.notAfter() == null || !judgeDates) {
      return stated;
    }
    boolean expired = stated.notAfter().isBefore(observed);
    long daysLeft = ChronoUnit.DAYS.between(observed, stated.notAfter());
    if (stated.expired() != null && stated.expired() != expired) {
      errors.add(sourceMap.errorAt(at + ".expired",
          at + ".expired: 'expired: " + stated.expired() + "' contradicts not_after " + stated.notAfter()
              + (expired ? ", which is before" : ", which is not before") + " the observed date "
              + observed));
    }
    if (stated.expired() == null) {
      derivations.put(at + ".expired", "not_after " + stated.notAfter() + " is "
          + (expired ? "before" : "not before") + " the observed date " + observed);
    }
    derivations.put(at + ".days_left", daysLeft + " days from " + observed + " to not_after " + stated.notAfter());
    return stated.withValidity(expired, daysLeft);
  }

  private Gateway nameMatch(String at, Gateway stated) {
    if (stated == null) {
      return null;
    }
    if (stated.fqdn() == null || stated.certificateNames() == null || stated.certificateNames().isEmpty()) {
      return stated;
    }
    boolean covered = HostNames.covered(stated.fqdn(), stated.certificateNames());
    if (stated.nameMatches() != null && stated.nameMatches() != covered) {
      errors.add(sourceMap.errorAt(at + ".name_matches",
          at + ".name_matches: 'name_matches: " + stated.nameMatches() + "' contradicts the names: " + Excerpt.of(stated.fqdn())
              + (covered ? " is" : " is not") + " covered by " + Excerpt.of(String.join(", ", stated.certificateNames()))));
    }
    if (stated.nameMatches() == null) {
      derivations.put(at + ".name_matches", stated.fqdn() + (covered ? " is" : " is not")
          + " covered by the certificate names " + String.join(", ", stated.certificateNames()));
    }
    return new Gateway(stated.fqdn(), stated.certificateNames(), covered);
  }

  private static List<Fact> facts(SymptomFile f, Gateway gateway, Certificate certificate) {
    List<Fact> facts = new ArrayList<>();
    facts.add(new Fact("error", f.error() == null ? ErrorReport.unknown() : f.error()));
    facts.add(new Fact("client", f.client() == null ? Client.unknown() : f.client()));
    facts.add(new Fact("path", f.path()));
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
