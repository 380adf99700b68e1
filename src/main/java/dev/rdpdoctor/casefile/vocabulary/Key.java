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
 * @param identifies what it names, for {@code --redact}
 * @param derived how it is worked out, for a worked-out key
 * @param windows where Windows keeps it, the first found winning
 */
public record Key(
    String name,
    String field,
    KeyType type,
    String doc,
    Optional<String> example,
    boolean required,
    Optional<Identifies> identifies,
    Optional<Derived> derived,
    List<WindowsSource> windows) {

  public Key {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(doc, "doc");
    windows = List.copyOf(windows);
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
