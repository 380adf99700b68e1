package dev.rdpdoctor.report;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.rdpdoctor.casefile.CaseValues;
import dev.rdpdoctor.casefile.vocabulary.Identifies;
import dev.rdpdoctor.casefile.vocabulary.Key;
import dev.rdpdoctor.casefile.vocabulary.KeyType;
import dev.rdpdoctor.casefile.vocabulary.SectionType;
import dev.rdpdoctor.casefile.vocabulary.Vocabulary;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces what identifies a site in a report with stable placeholders, so the report can be
 * shared on a public forum: host names ({@code rdp01.corp.example} becomes {@code host-1.domain-1},
 * so a wildcard {@code *.corp.example} still visibly covers it), IP addresses ({@code ip-1}), user
 * names ({@code CORP\jsmith}, {@code jsmith@corp.example}, {@code Account Name: jsmith} become
 * {@code user-1}), certificate subjects and issuers ({@code subject-1}), thumbprints and the
 * folders case files live in. It learns the values from the symptom files (the keys the
 * vocabulary marks with {@code identifies:}, and patterns in any text), then replaces them, in their plain, HTML, Markdown and JSON
 * spellings, wherever they appear in the output. The same value always gets the same placeholder.
 */
public final class Redactor {

  enum Kind {
    HOST, DOMAIN, IP, USER, SUBJECT, THUMBPRINT, FOLDER, SID;

    String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private static final Pattern IPV4 = Pattern.compile(
      "(?<![\\w.])(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(?![\\w.]\\w|\\w)");
  private static final Pattern IPV6 = Pattern.compile("(?<![\\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![\\w:])");
  private static final Pattern EMAIL = Pattern.compile("(?<![\\w.+-])[\\w.+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+");
  private static final Pattern DOMAIN_USER = Pattern.compile("(?<![\\w\\\\.$-])([A-Za-z][\\w.-]{0,14})\\\\([\\w.$-]{1,64})(?![\\w\\\\])");
  private static final Pattern LABELLED_USER = Pattern.compile(
      "(?i)\\b(?:user(?:\\s*name)?|account(?:\\s*name)?|logon\\s*account)\\s*[:=]\\s*([\\w.$@\\\\-]{2,64})");
  /** A domain's or a machine's security identifier: the well-known ones (S-1-5-18) identify nobody. */
  private static final Pattern SID = Pattern.compile("(?<![\\w-])S-1-5-21(?:-\\d{1,10}){3,4}(?![\\w-])");
  /** A SHA-1 thumbprint in a text: forty hex digits. */
  private static final Pattern THUMBPRINT = Pattern.compile("(?<![0-9A-Fa-f])[0-9A-Fa-f]{40}(?![0-9A-Fa-f])");
  private static final Pattern HOST_NAME = Pattern.compile("(\\*\\.)?[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_])?\\.?");
  /** Accounts and account domains every Windows machine has: naming them identifies nobody. */
  private static final Set<String> WELL_KNOWN = Set.of("nt authority", "authority", "builtin", "nt service", "service",
      "system", "local service", "network service", "anonymous logon", "administrator", "administrators", "guest", "-");
  /**
   * Words a report uses itself: a host that is called only that identifies nobody, and hiding the
   * word would hide the report.
   */
  private static final Set<String> GENERIC_HOSTS = Set.of("localhost", "rdp", "server", "gateway", "host", "client",
      "remote", "desktop", "windows", "terminal", "admin", "user", "domain", "pc", "vm", "example");

  private final Map<String, String> placeholders = new HashMap<>();
  private final Map<String, String> written = new LinkedHashMap<>();
  private final Map<Kind, Integer> counters = new EnumMap<>(Kind.class);
  private Pattern known;

  /**
   * Learns the values to hide from one case: its file name, the values of the keys that the
   * vocabulary says name a host, address, person or certificate, and names in any text.
   */
  public void learn(String source, CaseValues values) {
    if (source != null) {
      String[] parts = source.split(" \\+ ");
      for (int i = 0; i < parts.length; i++) {
        String file = parts[i];
        if (file.startsWith("evidence ")) {
          file = file.substring("evidence ".length()); // the evidence's own name may be the collector's, with the computer's in it
          add(file, Kind.FOLDER);
        } else if (i > 0) {
          continue;
        }
        int slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
        if (slash > 0) {
          add(file.substring(0, slash), Kind.FOLDER);
        }
      }
    }
    if (values != null) {
      walk(values.root());
    }
  }

  /**
   * Learns the names of computers that are no value of the case (those Windows' exports say they
   * come from): each is hidden as a host name is, and its first label wherever it appears alone
   * ({@code rdsh07.corp.example}, and {@code RDSH07} in an event's text), whatever it looks like.
   */
  public void learnMachines(Collection<String> names) {
    for (String name : names) {
      String value = withoutPort(name.strip());
      host(value);
      int dot = value.indexOf('.');
      String first = dot < 0 ? value : value.substring(0, dot);
      if (dot > 0 && HOST_NAME.matcher(value).matches() && !GENERIC_HOSTS.contains(first.toLowerCase(Locale.ROOT))) {
        add(first, Kind.HOST);
      }
    }
  }

  /** Learns the values to hide from a symptom file given as a tree of its keys, as the probe writes one. */
  public void learn(Vocabulary vocabulary, JsonNode symptoms) {
    walk(vocabulary, vocabulary.root(), symptoms);
  }

  /** {@code text} with every learned value, and any IPv4 address, replaced by its placeholder. */
  public String apply(String text) {
    String out = text;
    if (!written.isEmpty()) {
      if (known == null) {
        List<String> spellings = new ArrayList<>(written.keySet());
        spellings.sort(Comparator.comparingInt(String::length).reversed());
        StringBuilder alternatives = new StringBuilder();
        for (String s : spellings) {
          alternatives.append(alternatives.length() == 0 ? "" : "|").append(Pattern.quote(s));
        }
        known = Pattern.compile("(?<![A-Za-z0-9_-])(?:" + alternatives + ")(?![A-Za-z0-9_-])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
      }
      out = replace(known, out, m -> placeholderOf(m.group()));
    }
    return replace(IPV4, out, m -> add(m.group(), Kind.IP));
  }

  private String placeholderOf(String spelled) {
    String placeholder = written.get(spelled.toLowerCase(Locale.ROOT));
    if (placeholder != null) {
      return placeholder;
    }
    return written.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(spelled))
        .map(Map.Entry::getValue).findFirst().orElse("[redacted]");
  }

  /**
   * The symptom file, given as a tree of its keys, with the values of its text keys redacted,
   * for output that is itself a symptom file (the probe's). Dates, numbers, codes and values
   * from a set are left as they are, so the file reads as before.
   */
  public ObjectNode apply(Vocabulary vocabulary, ObjectNode symptoms) {
    learn(vocabulary, symptoms);
    return (ObjectNode) redact(vocabulary, vocabulary.root(), symptoms.deepCopy());
  }

  private JsonNode redact(Vocabulary vocabulary, SectionType type, JsonNode node) {
    if (!(node instanceof ObjectNode object)) {
      return node;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      type.key(e.getKey()).ifPresent(key -> e.setValue(redact(vocabulary, key.type(), e.getValue())));
    }
    return object;
  }

  private JsonNode redact(Vocabulary vocabulary, KeyType type, JsonNode value) {
    if (type instanceof KeyType.ListOf list && value instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        array.set(i, redact(vocabulary, list.item(), array.get(i)));
      }
      return array;
    }
    KeyType item = type instanceof KeyType.ListOf list ? list.item() : type;
    if (item instanceof KeyType.Section s) {
      return vocabulary.type(s.typeName()).map(t -> redact(vocabulary, t, value)).orElse(value);
    }
    return item instanceof KeyType.Text && value.isTextual() ? TextNode.valueOf(apply(value.asText())) : value;
  }

  /** The values of a case as read: each key's own kind of name, and names in any text. */
  private void walk(CaseValues.Section section) {
    for (Map.Entry<String, Object> e : section.values().entrySet()) {
      Optional<Identifies> identifies = section.type().key(e.getKey()).flatMap(Key::identifies);
      walkValue(identifies, e.getValue());
    }
  }

  private void walkValue(Optional<Identifies> identifies, Object value) {
    if (value instanceof CaseValues.Section inner) {
      walk(inner);
    } else if (value instanceof List<?> items) {
      items.forEach(item -> walkValue(identifies, item));
    } else if (value instanceof String text) {
      learn(identifies, text);
    }
  }

  /** A tree of a symptom file's keys, read along the vocabulary's sections. */
  private void walk(Vocabulary vocabulary, SectionType type, JsonNode node) {
    if (!node.isObject()) {
      return;
    }
    node.fields().forEachRemaining(e -> type.key(e.getKey()).ifPresent(key -> walk(vocabulary, key, key.type(), e.getValue())));
  }

  private void walk(Vocabulary vocabulary, Key key, KeyType type, JsonNode value) {
    KeyType item = type instanceof KeyType.ListOf list ? list.item() : type;
    if (value.isArray()) {
      value.forEach(element -> walk(vocabulary, key, item, element));
    } else if (item instanceof KeyType.Section s) {
      vocabulary.type(s.typeName()).ifPresent(t -> walk(vocabulary, t, value));
    } else if (value.isTextual()) {
      learn(key.identifies(), value.asText());
    }
  }

  private void learn(Optional<Identifies> identifies, String text) {
    String value = text.strip();
    identifies.ifPresent(kind -> {
      switch (kind) {
        case HOST, ADDRESS -> host(withoutPort(value));
        case PERSON -> add(value, Kind.USER);
        case CERTIFICATE -> add(value, Kind.SUBJECT);
        case THUMBPRINT -> add(value, Kind.THUMBPRINT);
      }
    });
    freeText(value);
  }

  /** Addresses, mail-style and DOMAIN\\user names, and "User: x" in any text a user pasted. */
  private void freeText(String text) {
    find(IPV4, text, 0, Kind.IP);
    Matcher v6 = IPV6.matcher(text);
    while (v6.find()) {
      String candidate = v6.group();
      if (candidate.contains("::") || candidate.chars().anyMatch(Character::isLetter) && candidate.split(":").length >= 4) {
        add(candidate, Kind.IP);
      }
    }
    find(EMAIL, text, 0, Kind.USER);
    find(SID, text, 0, Kind.SID);
    find(THUMBPRINT, text, 0, Kind.THUMBPRINT);
    Matcher pair = DOMAIN_USER.matcher(text);
    while (pair.find()) {
      if (!WELL_KNOWN.contains(pair.group(1).toLowerCase(Locale.ROOT))
          && !WELL_KNOWN.contains(pair.group(2).toLowerCase(Locale.ROOT))) {
        add(pair.group(), Kind.USER);
      }
    }
    Matcher labelled = LABELLED_USER.matcher(text);
    while (labelled.find()) {
      String name = labelled.group(1);
      if (!WELL_KNOWN.contains(name.toLowerCase(Locale.ROOT)) && !name.matches("\\d+|0x[0-9A-Fa-f]+")) {
        add(name, Kind.USER);
      }
    }
  }

  private void find(Pattern pattern, String text, int group, Kind kind) {
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      add(m.group(group), kind);
    }
  }

  /**
   * A host name keeps its shape: {@code rdp01.corp.example} becomes {@code host-1.domain-1},
   * {@code *.corp.example} becomes {@code *.domain-1}, and the domain and a name-like first label
   * ({@code rdp01}, {@code vm-web03}) are hidden wherever else they appear.
   */
  private void host(String value) {
    if (value.isEmpty() || GENERIC_HOSTS.contains(value.toLowerCase(Locale.ROOT))) {
      return;
    }
    if (IPV4.matcher(value).matches() || value.contains(":")) {
      add(value, Kind.IP);
      return;
    }
    if (!HOST_NAME.matcher(value).matches()) {
      add(value, Kind.HOST);
      return;
    }
    String name = value.endsWith(".") ? value.substring(0, value.length() - 1) : value;
    int dot = name.indexOf('.');
    if (dot < 0) {
      add(name, Kind.HOST);
      return;
    }
    String first = name.substring(0, dot);
    String domain = name.substring(dot + 1);
    String domainPlaceholder = domain.contains(".") ? add(domain, Kind.DOMAIN) : placeholder(domain, Kind.DOMAIN);
    String firstPlaceholder = first.equals("*") ? "*"
        : first.matches(".*[\\d-].*") ? add(first, Kind.HOST) : placeholder(first, Kind.HOST);
    register(name, firstPlaceholder + "." + domainPlaceholder);
  }

  private static String withoutPort(String target) {
    if (target.startsWith("[")) {
      int close = target.indexOf(']');
      return close < 0 ? target : target.substring(1, close);
    }
    int colon = target.indexOf(':');
    return colon >= 0 && colon == target.lastIndexOf(':') ? target.substring(0, colon) : target;
  }

  /** The placeholder of {@code value}, made and registered for replacement if new. */
  private String add(String value, Kind kind) {
    String placeholder = placeholder(value, kind);
    register(value, placeholder);
    return placeholder;
  }

  /** The placeholder of {@code value}, made if new, without replacing the value on its own. */
  private String placeholder(String value, Kind kind) {
    return placeholders.computeIfAbsent(kind + ":" + value.toLowerCase(Locale.ROOT),
        k -> kind.label() + "-" + counters.merge(kind, 1, Integer::sum));
  }

  /** Replaces {@code value} in each spelling a report gives it. */
  private void register(String value, String placeholder) {
    if (value.isBlank() || written.containsKey(value.toLowerCase(Locale.ROOT))) {
      return;
    }
    for (UnaryOperator<String> spelling : List.<UnaryOperator<String>>of(
        s -> s, HtmlReport::esc, MarkdownReport::text, s -> new String(JsonStringEncoder.getInstance().quoteAsString(s)))) {
      written.putIfAbsent(spelling.apply(value).toLowerCase(Locale.ROOT), spelling.apply(placeholder));
    }
    known = null;
  }

  private static String replace(Pattern pattern, String text, Function<Matcher, String> with) {
    Matcher m = pattern.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(with.apply(m)));
    }
    m.appendTail(out);
    return out.toString();
  }
}
