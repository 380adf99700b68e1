package dev.rdpdoctor.casefile;

import java.util.List;

/** The record types a case puts into the rule engine: the only types a rule's pattern can match. */
public final class FactTypes {

  private FactTypes() {}

  public static final List<Class<? extends Record>> ALL =
      List.of(
          ErrorReport.class,
          Client.class,
          ConnectionPath.class,
          Gateway.class,
          Host.class,
          RecentChange.class,
          RdpSettings.class,
          Certificate.class,
          WindowsEvent.class,
          DifferentialTests.class,
          Sessions.class,
          ProbeDns.class,
          ProbeTcp.class,
          ProbeNegotiation.class,
          ProbeTls.class);
}
