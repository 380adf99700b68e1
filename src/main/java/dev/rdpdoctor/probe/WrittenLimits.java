package dev.rdpdoctor.probe;

import dev.rdpdoctor.yaml.ReadLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Keeps what a server sends within what a symptom file may hold, so that the probe never writes
 * a file the reader refuses ({@link ReadLimits#SYMPTOM_FILE}): each text a server chose
 * (certificate subject and names, errors, details, authentication schemes, addresses) at most
 * {@value #MAX_TEXT} units, a list at most {@value #MAX_ITEMS} items and {@value #MAX_LIST}
 * units. A unit is one byte of the file: an escaped or non-ASCII character counts
 * {@value #WIDE}, the most it can take once written. What is cut is said, in {@code notes}.
 *
 * <p>Of a certificate's names, those that cover the name probed are kept first, so that the
 * name match worked out from the names written agrees with the one the probe saw.
 */
final class WrittenLimits {

  static final int MAX_TEXT = 1_000;
  static final int MAX_ITEMS = 256;
  static final int MAX_LIST = 8_192;
  static final int WIDE = 10;

  private final Map<String, String> reasons;

  /** @param reasons where to say what was cut, by symptom-file path */
  WrittenLimits(Map<String, String> reasons) {
    this.reasons = reasons;
  }

  static {
    if (MAX_ITEMS > ReadLimits.SYMPTOM_FILE.maxItems() || MAX_TEXT > ReadLimits.SYMPTOM_FILE.maxTextLength()) {
      throw new IllegalStateException("the probe's limits must stay within the reader's");
    }
  }

  /**
   * The probe's findings within the limits.
   *
   * @param certificateAt where the RDP port's certificate is written for users
   *     ({@code certificate}), for the notes
   */
  Probe bound(Probe raw, Target target, String certificateAt) {
    ProbeDns dns = raw.dns() == null ? null : new ProbeDns(raw.dns().name(),
        list("probe.dns.addresses", raw.dns().addresses(), null), text("probe.dns.error", raw.dns().error()));
    List<ProbeNegotiation> negotiation = null;
    if (raw.negotiation() != null) {
      negotiation = new ArrayList<>();
      for (int i = 0; i < raw.negotiation().size(); i++) {
        ProbeNegotiation n = raw.negotiation().get(i);
        negotiation.add(new ProbeNegotiation(n.requested(), n.result(), n.selected(), n.failure(),
            text("probe.negotiation[" + i + "].detail", n.detail())));
      }
    }
    ProbeTls tls = raw.tls() == null ? null : new ProbeTls(text("probe.tls.version", raw.tls().version()),
        text("probe.tls.cipher", raw.tls().cipher()), certificate(certificateAt, raw.tls().certificate(), target.host()),
        raw.tls().nameMatches(), text("probe.tls.error", raw.tls().error()));
    ProbeGateway g = raw.gateway();
    ProbeGateway gateway = g == null ? null : new ProbeGateway(g.fqdn(), g.port(),
        text("probe.gateway.tls_version", g.tlsVersion()), text("probe.gateway.cipher", g.cipher()),
        certificate("probe.gateway.certificate", g.certificate(), g.fqdn()), g.nameMatches(), g.httpStatus(),
        list("probe.gateway.auth_schemes", g.authSchemes(), null), g.rdGateway(), text("probe.gateway.error", g.error()));
    return new Probe(raw.target(), dns, raw.tcp(), negotiation, tls, gateway);
  }

  private Certificate certificate(String at, Certificate c, String probedName) {
    if (c == null) {
      return null;
    }
    return new Certificate(c.selfSigned(), text(at + ".subject", c.subject()), text(at + ".issuer", c.issuer()),
        list(at + ".names", c.names(), probedName), c.notBefore(), c.notAfter(), text(at + ".thumbprint", c.thumbprint()),
        text(at + ".key_type", c.keyType()), c.keyBits(), text(at + ".signature_algorithm", c.signatureAlgorithm()));
  }

  /** {@code value}, or as much of it as fits, marked as cut. */
  String text(String at, String value) {
    if (value == null || units(value) <= MAX_TEXT) {
      return value;
    }
    String marker = String.format(Locale.ROOT, "... (cut from %,d characters)", value.length());
    String kept = prefix(value, MAX_TEXT - marker.length());
    reasons.put(at, String.format(Locale.ROOT, "the server sent %,d characters; the first %,d are kept",
        value.length(), kept.length()));
    return kept + marker;
  }

  /**
   * The items that fit, each cut like a text, in the order sent; with a {@code probedName},
   * the names that cover it are kept before the others.
   */
  private List<String> list(String at, List<String> items, String probedName) {
    if (items == null) {
      return null;
    }
    List<String> cut = items.stream().map(item -> item == null || units(item) <= MAX_TEXT ? item : cutItem(item)).toList();
    int total = cut.stream().mapToInt(item -> item == null ? 0 : units(item)).sum();
    boolean cutOne = !cut.equals(items);
    if (cut.size() <= MAX_ITEMS && total <= MAX_LIST) {
      if (cutOne) {
        reasons.put(at, "the server sent items too long to keep whole; they are cut");
      }
      return cut;
    }
    boolean[] keep = new boolean[cut.size()];
    int kept = 0;
    int used = 0;
    boolean covering = false;
    for (int pass = probedName == null ? 1 : 0; pass < 2; pass++) {
      for (int i = 0; i < cut.size() && kept < MAX_ITEMS; i++) {
        String item = cut.get(i);
        if (keep[i] || item == null || (pass == 0 && !Boolean.TRUE.equals(NameMatch.of(probedName, List.of(item))))) {
          continue;
        }
        if (used + units(item) > MAX_LIST) {
          continue;
        }
        keep[i] = true;
        kept++;
        used += units(item);
        covering |= pass == 0;
      }
    }
    List<String> written = new ArrayList<>();
    for (int i = 0; i < cut.size(); i++) {
      if (keep[i]) {
        written.add(cut.get(i));
      }
    }
    reasons.put(at, String.format(Locale.ROOT, "the server sent %,d %s; the %,d kept %s", items.size(),
        probedName == null ? "items" : "names", written.size(),
        covering ? "include those that cover " + probedName : "are the first that fit"));
    return written;
  }

  private static String cutItem(String item) {
    String marker = String.format(Locale.ROOT, "... (cut from %,d characters)", item.length());
    return prefix(item, MAX_TEXT - marker.length()) + marker;
  }

  /** The longest start of {@code value} of at most {@code budget} units, not splitting a character. */
  private static String prefix(String value, int budget) {
    int used = 0;
    int end = 0;
    while (end < value.length()) {
      int codePoint = value.codePointAt(end);
      int cost = units(codePoint);
      if (used + cost > budget) {
        break;
      }
      used += cost;
      end += Character.charCount(codePoint);
    }
    return value.substring(0, end);
  }

  /** The most bytes {@code value} can take once written in a YAML file. */
  static int units(String value) {
    return value.codePoints().map(WrittenLimits::units).sum();
  }

  private static int units(int codePoint) {
    if (codePoint == '"' || codePoint == '\\') {
      return 2;
    }
    return codePoint >= 0x20 && codePoint < 0x7f ? 1 : WIDE;
  }
}
