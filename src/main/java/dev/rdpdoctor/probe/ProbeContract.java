package dev.rdpdoctor.probe;

import dev.rdpdoctor.casefile.vocabulary.KeyType;
import dev.rdpdoctor.casefile.vocabulary.Place;
import dev.rdpdoctor.casefile.vocabulary.Vocabulary;
import dev.rdpdoctor.yaml.Spelled;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The symptom-file keys the probe writes, and what it writes at each: the probe measures specific
 * things and writes them under these paths, so a rules folder's vocabulary must declare every one
 * of them, with a type that reads what the probe writes, for the probe's file to read. The probe
 * writes nothing else ({@link SymptomTree} refuses any other path).
 */
public final class ProbeContract {

  /** What the probe writes at one place. */
  sealed interface Kind {

    /** As a message says it: {@code yes-no}, {@code a whole number 1-65535}. */
    String describe();

    /** Why a key declared as {@code declared} cannot hold what the probe writes, if it cannot. */
    Optional<String> refuses(KeyType declared);

    /** Whether {@code value} is what the probe writes here: a mistake in the probe otherwise. */
    boolean holds(Object value);
  }

  /** A section the probe writes keys in. */
  record Section() implements Kind {
    @Override
    public boolean holds(Object value) {
      return false;
    }

    @Override
    public String describe() {
      return "a section";
    }

    @Override
    public Optional<String> refuses(KeyType declared) {
      return declared instanceof KeyType.Section ? Optional.empty() : Optional.of(declaredAs(declared));
    }
  }

  /** A list of sections, one per item the probe found ({@code probe.negotiation}). */
  record SectionList() implements Kind {
    @Override
    public boolean holds(Object value) {
      return false;
    }

    @Override
    public String describe() {
      return "a list of sections";
    }

    @Override
    public Optional<String> refuses(KeyType declared) {
      return declared instanceof KeyType.ListOf l && l.item() instanceof KeyType.Section
          ? Optional.empty() : Optional.of(declaredAs(declared));
    }
  }

  record Text() implements Kind {
    @Override
    public boolean holds(Object value) {
      return value instanceof String;
    }

    @Override
    public String describe() {
      return "text";
    }

    @Override
    public Optional<String> refuses(KeyType declared) {
      return declared instanceof KeyType.Text ? Optional.empty() : Optional.of(declaredAs(declared));
    }
  }

  record TextList() implements Kind {
    @Override
    public boolean holds(Object value) {
      return value instanceof List<?> items && items.stream().allMatch(i -> i == null || i instanceof String);
    }

    @Override
    public String describe() {
      return "a list of text";
    }

    @Override
    public Optional<String> refuses(KeyType declared) {
      return declared instanceof KeyType.ListOf l && l.item() instanceof KeyType.Text
          ? Optional.empty() : Optional.of(declaredAs(declared));
    }
  }

  record YesNo() implements Kind {
    @Override
    public boolean holds(Object value) {
      return value instanceof Boolean;
    }

    @Override
    public String describe() {
      return "yes-no";
    }

    @Override
    public Optional<String> refuses(KeyType declared) {
      return declared instanceof KeyType.YesNo ? Optional.empty() : Optional.of(declaredAs(declared));
    }
  }

  record Date() implements Kind {
    @Override
    public boolean holds(Object value) {
      return value instanceof LocalDate;
    }

    @Override
    public String describe() {
      return "a date";
    }

    @Override
    public Optional<String> refuses(KeyType declared) {
      return declared instanceof KeyType.Date ? Optional.empty() : Optional.of(declaredAs(declared));
    }
  }

  /** A whole number; the probe's lie within {@code [min, max]}, which the key must accept. */
  record WholeNumber(long min, long max) implements Kind {
    @Override
    public boolean holds(Object value) {
      return value instanceof Long;
    }

    @Override
    public String describe() {
      return "a whole number " + min + "-" + max;
    }

    @Override
    public Optional<String> refuses(KeyType declared) {
      return declared instanceof KeyType.WholeNumber w && w.min() <= min && w.max() >= max
          ? Optional.empty() : Optional.of(declaredAs(declared));
    }
  }

  /** A number that may have a fraction; the probe's lie within {@code [min, max]}, which the key must accept. */
  record Decimal(double min, double max) implements Kind {
    @Override
    public boolean holds(Object value) {
      return value instanceof Double;
    }

    @Override
    public String describe() {
      return String.format(Locale.ROOT, "a number %s-%s", plain(min), plain(max));
    }

    @Override
    public Optional<String> refuses(KeyType declared) {
      return declared instanceof KeyType.Decimal d && d.min() <= min && d.max() >= max
          ? Optional.empty() : Optional.of(declaredAs(declared));
    }

    private static String plain(double value) {
      return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
  }

  /** One of these spellings, each of which the key's set must read. */
  record OneOf(List<String> spellings) implements Kind {

    OneOf {
      spellings = List.copyOf(spellings);
    }

    static OneOf of(Class<? extends Enum<?>> values) {
      return new OneOf(Arrays.stream(values.getEnumConstants()).map(Spelled::spelling).toList());
    }

    @Override
    public boolean holds(Object value) {
      return value instanceof Enum<?> e ? spellings.contains(Spelled.spelling(e))
          : value instanceof String s && spellings.contains(s);
    }

    @Override
    public String describe() {
      return "one of " + String.join(", ", spellings);
    }

    @Override
    public Optional<String> refuses(KeyType declared) {
      if (!(declared instanceof KeyType.OneOf o)) {
        return Optional.of(declaredAs(declared));
      }
      List<String> unread = spellings.stream().filter(s -> o.set().find(s).isEmpty()).toList();
      return unread.isEmpty() ? Optional.empty()
          : Optional.of("its set " + o.set().name() + " has no value " + String.join(", ", unread));
    }
  }

  /** A key the probe writes: where, and what. */
  record Key(String path, Kind kind) {}

  private static final Kind SECTION = new Section();
  private static final Kind TEXT = new Text();
  private static final Kind TEXT_LIST = new TextList();
  private static final Kind YES_NO = new YesNo();
  private static final Kind DATE = new Date();
  private static final Kind PORT = new WholeNumber(1, 65_535);
  private static final Kind COUNT = new WholeNumber(0, 1_000_000);
  private static final Kind MILLISECONDS = new Decimal(0, 3_600_000);

  /** What {@code path.kind} says of a probe given a gateway. */
  static final String THROUGH_GATEWAY = "rd-gateway";

  /** Every key the probe may write, in the order it writes them. */
  static final Map<String, Key> KEYS = keys();

  private static Map<String, Key> keys() {
    List<Key> keys = new ArrayList<>();
    add(keys, "title", TEXT);
    add(keys, "notes", TEXT);
    add(keys, "observed", DATE);
    add(keys, "path", SECTION);
    add(keys, "path.kind", new OneOf(List.of(THROUGH_GATEWAY)));
    add(keys, "path.target", TEXT);
    add(keys, "path.gateway", SECTION);
    add(keys, "path.gateway.fqdn", TEXT);
    add(keys, "path.gateway.certificate_names", TEXT_LIST);
    add(keys, "path.gateway.name_matches", YES_NO);
    add(keys, "rdp", SECTION);
    add(keys, "rdp.nla_required", YES_NO);
    add(keys, "rdp.security_layer", OneOf.of(SecurityLayer.class));
    add(keys, "rdp.tls_protocols_disabled", YES_NO);
    certificate(keys, "certificate");
    add(keys, "probe", SECTION);
    add(keys, "probe.target", TEXT);
    add(keys, "probe.dns", SECTION);
    add(keys, "probe.dns.name", TEXT);
    add(keys, "probe.dns.addresses", TEXT_LIST);
    add(keys, "probe.dns.error", TEXT);
    add(keys, "probe.tcp", SECTION);
    add(keys, "probe.tcp.port", PORT);
    add(keys, "probe.tcp.outcome", OneOf.of(TcpOutcome.class));
    add(keys, "probe.tcp.connect_ms", MILLISECONDS);
    add(keys, "probe.tcp.attempts", COUNT);
    add(keys, "probe.tcp.failures", COUNT);
    add(keys, "probe.tcp.loss_percent", new Decimal(0, 100));
    add(keys, "probe.tcp.jitter_ms", MILLISECONDS);
    add(keys, "probe.negotiation", new SectionList());
    add(keys, "probe.negotiation[].requested", OneOf.of(RdpProtocol.class));
    add(keys, "probe.negotiation[].result", OneOf.of(NegotiationResult.class));
    add(keys, "probe.negotiation[].selected", OneOf.of(RdpProtocol.class));
    add(keys, "probe.negotiation[].failure", OneOf.of(NegotiationFailure.class));
    add(keys, "probe.negotiation[].detail", TEXT);
    add(keys, "probe.tls", SECTION);
    add(keys, "probe.tls.version", TEXT);
    add(keys, "probe.tls.cipher", TEXT);
    certificate(keys, "probe.tls.certificate");
    add(keys, "probe.tls.name_matches", YES_NO);
    add(keys, "probe.tls.error", TEXT);
    add(keys, "probe.gateway", SECTION);
    add(keys, "probe.gateway.fqdn", TEXT);
    add(keys, "probe.gateway.port", PORT);
    add(keys, "probe.gateway.tls_version", TEXT);
    add(keys, "probe.gateway.cipher", TEXT);
    certificate(keys, "probe.gateway.certificate");
    add(keys, "probe.gateway.name_matches", YES_NO);
    add(keys, "probe.gateway.http_status", new WholeNumber(100, 599));
    add(keys, "probe.gateway.auth_schemes", TEXT_LIST);
    add(keys, "probe.gateway.rd_gateway", YES_NO);
    add(keys, "probe.gateway.error", TEXT);
    Map<String, Key> byPath = new LinkedHashMap<>();
    keys.forEach(k -> byPath.put(k.path(), k));
    return Collections.unmodifiableMap(byPath);
  }

  private static void certificate(List<Key> keys, String at) {
    add(keys, at, SECTION);
    add(keys, at + ".self_signed", YES_NO);
    add(keys, at + ".subject", TEXT);
    add(keys, at + ".issuer", TEXT);
    add(keys, at + ".names", TEXT_LIST);
    add(keys, at + ".not_before", DATE);
    add(keys, at + ".not_after", DATE);
    add(keys, at + ".thumbprint", TEXT);
    add(keys, at + ".key_type", TEXT);
    add(keys, at + ".key_bits", new WholeNumber(1, 65_536));
    add(keys, at + ".signature_algorithm", TEXT);
  }

  private static void add(List<Key> keys, String path, Kind kind) {
    keys.add(new Key(path, kind));
  }

  private ProbeContract() {}

  /** The key at a place ({@code probe.negotiation[].detail}), if the probe writes one there. */
  static Optional<Key> key(String place) {
    return Optional.ofNullable(KEYS.get(place));
  }

  /**
   * What keeps the probe from writing a file that {@code vocabulary} reads, one sentence per key
   * (a section not declared counts once, for everything under it); empty when nothing does.
   */
  public static List<String> problems(Vocabulary vocabulary) {
    List<String> problems = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    for (Key key : KEYS.values()) {
      if (refused.stream().anyMatch(section -> key.path().startsWith(section + ".") || key.path().startsWith(section + "[]."))) {
        continue;
      }
      Optional<Place> place = vocabulary.place(key.path());
      Optional<String> why = place.isEmpty() ? Optional.of("this vocabulary does not declare it")
          : key.kind().refuses(place.get().key().type());
      if (why.isPresent()) {
        String under = key.kind() instanceof Section || key.kind() instanceof SectionList
            ? " with " + under(key.path()) + " keys in it" : "";
        problems.add("the probe writes " + key.path() + " as " + key.kind().describe() + under + ", but " + why.get()
            + "; declare it so to use the probe with these rules");
        refused.add(key.path());
      }
    }
    return problems;
  }

  private static long under(String section) {
    return KEYS.values().stream().filter(k -> !(k.kind() instanceof Section) && !(k.kind() instanceof SectionList))
        .filter(k -> k.path().startsWith(section + ".") || k.path().startsWith(section + "[].")).count();
  }

  private static String declaredAs(KeyType declared) {
    return "it is declared as " + (declared instanceof KeyType.Section ? "a section"
        : declared instanceof KeyType.ListOf l && l.item() instanceof KeyType.Section ? "a list of sections"
        : declared.describe().replace("`", ""));
  }
}
