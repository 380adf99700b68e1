package dev.rdpdoctor.casefile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The record types a case puts into the rule engine (the only types a rule's pattern can
 * match), and where each sits in the symptom file. A type kept in a list ({@code events})
 * is inserted once per item.
 */
public final class FactTypes {

  private FactTypes() {}

  private static final Map<Class<? extends Record>, String> PATHS = new LinkedHashMap<>();

  static {
    PATHS.put(ErrorReport.class, "error");
    PATHS.put(Client.class, "client");
    PATHS.put(ConnectionPath.class, "path");
    PATHS.put(Gateway.class, "path.gateway");
    PATHS.put(Host.class, "host");
    PATHS.put(RecentChange.class, "host.recent_changes");
    PATHS.put(RdpSettings.class, "rdp");
    PATHS.put(Certificate.class, "certificate");
    PATHS.put(WindowsEvent.class, "events");
    PATHS.put(DifferentialTests.class, "tests");
    PATHS.put(Sessions.class, "sessions");
    PATHS.put(ProbeDns.class, "probe.dns");
    PATHS.put(ProbeTcp.class, "probe.tcp");
    PATHS.put(ProbeNegotiation.class, "probe.negotiation");
    PATHS.put(ProbeTls.class, "probe.tls");
  }

  public static final List<Class<? extends Record>> ALL = List.copyOf(PATHS.keySet());

  /** The types whose facts come from a list in the symptom file, one fact per item. */
  public static final List<Class<? extends Record>> LISTED =
      List.of(RecentChange.class, WindowsEvent.class, ProbeNegotiation.class);

  /** Where facts of this type are written in the symptom file ({@code rdp}, {@code events}). */
  public static String pathOf(Class<?> type) {
    String path = PATHS.get(type);
    if (path == null) {
      throw new IllegalArgumentException(type.getSimpleName() + " is not a fact type");
    }
    return path;
  }

  public static Optional<Class<? extends Record>> bySimpleName(String name) {
    return ALL.stream().filter(t -> t.getSimpleName().equals(name)).findFirst();
  }
}
