package dev.rdpdoctor.casefile.vocabulary;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A key of a section type, checked: {@code RdpSettings.nla_required} is a yes-no the rules read as
 * the field {@code nlaRequired}.
 *
 * @param name the key as written in a symptom file ({@code nla_required})
 * @param field the field of the fact type the rules read ({@code nlaRequired})
 * @param example a value as a user writes it; empty for a section
 * @param required must be written whenever its section is ({@code events[].id})
 * @param context kept for the reader of a report (a certificate's issuer, a host's name): no rule
 *     is expected to weigh it, and {@code rules check} does not warn that none does
 * @param identifies what it names, for {@code --redact}
 * @param derived how it is worked out, for a worked-out key
 * @param windows where Windows keeps it, the first found winning
 * @param messages the key's own wording of a problem, where the general one would say less
 */
public record Key(
    String name,
    String field,
    KeyType type,
    String doc,
    Optional<String> example,
    boolean required,
    boolean context,
    Optional<Identifies> identifies,
    Optional<Derived> derived,
    List<WindowsSource> windows,
    Messages messages) {

  public Key {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(doc, "doc");
    windows = List.copyOf(windows);
    messages = messages == null ? Messages.NONE : messages;
  }

  public Key(String name, String field, KeyType type, String doc, Optional<String> example, boolean required,
      Optional<Identifies> identifies, Optional<Derived> derived, List<WindowsSource> windows) {
    this(name, field, type, doc, example, required, false, identifies, derived, windows, Messages.NONE);
  }

  /**
   * A key's own wording of a problem with it, where the general one would say less.
   *
   * @param missing what a required key's absence means ({@code an event needs its id, e.g. 'id: 1058'})
   * @param outOfRange a number outside the key's range, {@code {value}} standing for it
   */
  public record Messages(Optional<String> missing, Optional<String> outOfRange) {

    public static final Messages NONE = new Messages(Optional.empty(), Optional.empty());
  }

  /**
   * A worked-out key: {@code by} computed from the keys {@code from} of the same section.
   *
   * @param stated whether a stated value must agree, or is replaced
   */
  public record Derived(Derivation by, List<String> from, Stated stated) {

    public Derived {
      from = List.copyOf(from);
    }
  }

  /** The section type of a section key, or of the items of a list of sections. */
  public Optional<KeyType.Section> section() {
    KeyType t = type instanceof KeyType.ListOf l ? l.item() : type;
    return t instanceof KeyType.Section s ? Optional.of(s) : Optional.empty();
  }

  public boolean isList() {
    return type instanceof KeyType.ListOf;
  }
}
