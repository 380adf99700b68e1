package dev.rdpdoctor.casefile.vocabulary;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One file of a vocabulary ({@code rules/vocabulary/*.yaml}) as written: the section types it
 * declares and the value sets their keys take. Each record checks what it can on its own; what
 * needs the other files (a type named by {@code of:}, a derivation's inputs) is checked by
 * {@link VocabularyReader}.
 *
 * @param types section types by name ({@code RdpSettings}), in the order written
 * @param sets value sets by name ({@code SecurityLayer}): each spelling with its aliases
 */
public record VocabularyFile(Map<String, TypeEntry> types, Map<String, Map<String, List<String>>> sets) {

  public VocabularyFile {
    types = types == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(types));
    sets = sets == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sets));
    if (types.isEmpty() && sets.isEmpty()) {
      throw new IllegalArgumentException("a vocabulary file declares 'types:' or 'sets:' (or both)");
    }
  }

  /**
   * A section type: {@code types.RdpSettings}.
   *
   * @param root the type of the whole symptom file; exactly one type is
   * @param shorthand the key a bare value fills, for a list written as {@code - 1058}
   * @param requiredOneOf keys of which a section of this type must hold at least one
   *     ({@code [id, source, text]}: an event is known by its id, or by its source and text)
   * @param missing the message when none of {@code requiredOneOf} is written, instead of the general one
   */
  public record TypeEntry(String doc, Boolean root, String shorthand, Map<String, KeyEntry> keys,
      List<String> requiredOneOf, String missing) {

    public TypeEntry {
      if (doc == null || doc.isBlank()) {
        throw new IllegalArgumentException("a type needs its 'doc': what the section holds, in a sentence");
      }
      if (keys == null || keys.isEmpty()) {
        throw new IllegalArgumentException("a type needs its 'keys'");
      }
      keys = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(keys));
      root = Boolean.TRUE.equals(root);
      requiredOneOf = requiredOneOf == null ? List.of() : List.copyOf(requiredOneOf);
      if (missing != null && requiredOneOf.isEmpty()) {
        throw new IllegalArgumentException("a type's 'missing' is the message for 'required_one_of', which it does not have");
      }
    }
  }

  /**
   * A key of a section type, as written: {@code types.RdpSettings.keys.nla_required}.
   *
   * @param of the value set of a {@code one-of} key, or the type of a {@code section} key
   * @param field the field the rules read; by default the key in camelCase
   * @param example a value as a user writes it
   * @param context true for a key kept for the reader of a report, which no rule is expected to weigh
   * @param missing the message when a required key is not written, instead of the general one
   * @param outOfRange the message for a number outside the range, {@code {value}} standing for it
   */
  public record KeyEntry(
      KeyKind type,
      String of,
      Boolean list,
      Double min,
      Double max,
      String field,
      String doc,
      String example,
      Boolean required,
      Boolean context,
      Identifies identifies,
      DerivedEntry derived,
      Insert insert,
      List<WindowsEntry> windows,
      String missing,
      String outOfRange) {

    public KeyEntry {
      if (type == null) {
        throw new IllegalArgumentException("a key needs its 'type': " + KeyKind.spellings());
      }
      if (doc == null || doc.isBlank()) {
        throw new IllegalArgumentException("a key needs its 'doc': what it means, in a sentence or two");
      }
      if (min != null && max != null && min > max) {
        throw new IllegalArgumentException("'min: " + min + "' is above 'max: " + max + "'");
      }
      list = Boolean.TRUE.equals(list);
      required = Boolean.TRUE.equals(required);
      windows = windows == null ? List.of() : List.copyOf(windows);
    }
  }

  /**
   * How a worked-out key is computed: {@code derived: {by: before-observed, from: [not_after]}}.
   *
   * @param from the keys of the same section it is computed from, in the order the derivation takes them
   * @param stated what a value the user states is: checked against the derivation (the default), or replaced
   */
  public record DerivedEntry(Derivation by, List<String> from, Stated stated) {

    public DerivedEntry {
      if (by == null) {
        throw new IllegalArgumentException("a derivation needs 'by': " + Derivation.spellings());
      }
      if (from == null || from.isEmpty()) {
        throw new IllegalArgumentException("a derivation needs 'from': the keys it is worked out from");
      }
      from = List.copyOf(from);
      stated = stated == null ? Stated.MUST_AGREE : stated;
    }
  }

  /** One place Windows keeps the value: exactly one of its four kinds. */
  public record WindowsEntry(RegistryEntry registry, EventEntry event, CommandEntry command, RdpFileEntry rdpFile) {

    public WindowsEntry {
      long given = java.util.stream.Stream.of(registry, event, command, rdpFile).filter(java.util.Objects::nonNull).count();
      if (given != 1) {
        throw new IllegalArgumentException("a Windows source is exactly one of 'registry', 'event', 'command' or 'rdp_file'");
      }
    }
  }

  /**
   * A registry value: {@code reg query KEY /v VALUE}.
   *
   * @param map the value's data (as {@code reg query} shows it, decimal for numbers) to the key's value;
   *     without it the data is the value
   * @param otherwise the key's value for data the map does not list
   * @param absent the key's value when the registry value is missing; without it, unknown
   */
  public record RegistryEntry(String key, String value, RegistryKind kind, Map<String, Object> map,
      Object otherwise, Object absent, String note) {

    public RegistryEntry {
      if (key == null || !key.matches("(?i)(HKLM|HKCU|HKEY_LOCAL_MACHINE|HKEY_CURRENT_USER)\\\\.+")) {
        throw new IllegalArgumentException("a registry source needs its 'key', starting HKLM\\ or HKCU\\");
      }
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException("a registry source needs the 'value' it reads");
      }
      if (kind == null) {
        throw new IllegalArgumentException("a registry source needs its 'kind': REG_DWORD, REG_SZ, ...");
      }
      map = map == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
  }

  /**
   * Events in a log: {@code wevtutil qe LOG}. On a list of sections ({@code events}) each event is
   * an item; on another key, an event seen means the value {@code means}.
   */
  public record EventEntry(String log, String provider, List<Long> ids, Object means, String note) {

    public EventEntry {
      if (log == null || log.isBlank() || provider == null || provider.isBlank()) {
        throw new IllegalArgumentException("an event source needs its 'log' and 'provider'");
      }
      if (ids == null || ids.isEmpty()) {
        throw new IllegalArgumentException("an event source needs its event 'ids'");
      }
      for (Long id : ids) {
        if (id == null || id < 0 || id > 65535) {
          throw new IllegalArgumentException("event id " + id + " is out of range: Windows event ids are 0 to 65535");
        }
      }
      ids = List.copyOf(ids);
    }
  }

  /**
   * A command and what to read in its output.
   *
   * @param read what in the output gives the value, in words
   * @param match optionally, regular expressions on the output to the value each means
   */
  public record CommandEntry(String run, String read, Map<String, Object> match, String note) {

    public CommandEntry {
      if (run == null || run.isBlank() || read == null || read.isBlank()) {
        throw new IllegalArgumentException("a command source needs what to 'run' and what to 'read' in its output");
      }
      match = match == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(match));
      for (String pattern : match.keySet()) {
        try {
          java.util.regex.Pattern.compile(pattern);
        } catch (java.util.regex.PatternSyntaxException e) {
          throw new IllegalArgumentException("'" + pattern + "' is not a regular expression: " + e.getDescription());
        }
      }
    }
  }

  /** A setting of a {@code .rdp} file ({@code gatewayhostname:s:gw.corp.example}). */
  public record RdpFileEntry(String setting, String kind, Map<String, Object> map, String note) {

    public RdpFileEntry {
      if (setting == null || setting.isBlank()) {
        throw new IllegalArgumentException("an .rdp file source needs its 'setting'");
      }
      if (kind == null || !kind.matches("[isb]")) {
        throw new IllegalArgumentException("an .rdp file source needs its 'kind': i (number), s (text) or b (binary)");
      }
      map = map == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
  }
}
