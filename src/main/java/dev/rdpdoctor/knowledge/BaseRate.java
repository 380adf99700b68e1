package dev.rdpdoctor.knowledge;

/**
 * How common a cause is among 0x904 / 0x7 tickets, and where the figure comes from:
 * {@code causes.yaml → base_rate: {share: 0.15, from: ms-cannot-connect-azure-vm}}. A case with no
 * fact that points at any cause is ranked by it, and says so.
 *
 * @param share the share of such tickets this cause explains, 0 to 1
 * @param from a source id of sources.yaml, or {@value #TEAM_ESTIMATE} when no document gives a figure
 */
public record BaseRate(double share, String from) {

  public static final String TEAM_ESTIMATE = "team estimate";

  public BaseRate {
    if (!(share >= 0 && share <= 1)) {
      throw new IllegalArgumentException("a base rate's 'share' is between 0 and 1, got " + share);
    }
    if (from == null || from.isBlank()) {
      throw new IllegalArgumentException("a base rate says where its figure comes from ('from'): a source id or '"
          + TEAM_ESTIMATE + "'");
    }
  }

  public boolean teamEstimate() {
    return TEAM_ESTIMATE.equals(from);
  }
}
