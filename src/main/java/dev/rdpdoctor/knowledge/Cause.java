package dev.rdpdoctor.knowledge;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A cause of the failure, with its fixes: {@code causes.yaml → causes[]}.
 *
 * @param area the rule folder it belongs to (certificate, security, gateway, ...)
 * @param fixes as the knowledge team wrote them; {@link #fixesInSafeOrder()} is the order offered
 */
public record Cause(
    String id, String title, String area, String summary, List<String> sources, List<Fix> fixes, BaseRate baseRate) {

  private static final Comparator<Fix> SAFEST_FIRST =
      Comparator.comparing(Fix::risk).thenComparing(Fix::isTestOnly).thenComparing(Fix::restart);

  public Cause {
    if (id == null || !id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
      throw new IllegalArgumentException("a cause id is lower case words joined by hyphens, got '" + id + "'");
    }
    if (title == null || title.isBlank()) {
      throw new IllegalArgumentException("cause '" + id + "' needs a 'title'");
    }
    sources = sources == null ? List.of() : List.copyOf(sources);
    fixes = fixes == null ? List.of() : List.copyOf(fixes);
  }

  /** A cause without a base rate, as tests and older catalogs write one. */
  public Cause(String id, String title, String area, String summary, List<String> sources, List<Fix> fixes) {
    this(id, title, area, summary, sources, fixes, null);
  }

  /** How common it is among 0x904 / 0x7 tickets, when the catalog says. */
  public Optional<BaseRate> rate() {
    return Optional.ofNullable(baseRate);
  }

  /** Low risk before high, a real fix before a test-only step, no restart before a reboot. */
  public List<Fix> fixesInSafeOrder() {
    return fixes.stream().sorted(SAFEST_FIRST).toList();
  }

  /** The risk of the fix offered first; a cause without fixes sorts last. */
  public Risk firstFixRisk() {
    return fixesInSafeOrder().stream().findFirst().map(Fix::risk).orElse(Risk.HIGH);
  }
}
