package dev.rdpdoctor.knowledge.load;

import dev.rdpdoctor.casefile.Resolution;
import dev.rdpdoctor.casefile.vocabulary.Insert;
import dev.rdpdoctor.casefile.vocabulary.KeyType;
import dev.rdpdoctor.casefile.vocabulary.Place;
import dev.rdpdoctor.casefile.vocabulary.Vocabulary;
import dev.rdpdoctor.casefile.vocabulary.VocabularyLocator;
import dev.rdpdoctor.problem.InputError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The symptom-file keys the tool itself reads, whatever the rules: the reports' heading
 * ({@code title}, {@code observed}, {@code error.code}, {@code error.extended}, which the code
 * catalog explains), {@code notes}, and the samples' {@code expect} section that {@code rules test}
 * checks, and the {@code resolution} section of resolved tickets that {@code rules evaluate}
 * measures on and {@code rules check} checks. A vocabulary must declare each with the type the
 * tool reads it as; anything else is an error located where the key is declared, or where its
 * section is when it is missing. The two outcome sections, {@code expect} and {@code resolution},
 * must never become facts: a diagnosis that could read the outcome would measure nothing.
 */
final class CoreKeys {

  /**
   * One key the tool reads.
   *
   * @param readBy what reads it, for the message
   * @param type the type it must be declared with, as a message says it
   */
  record Core(String path, String readBy, String type, Predicate<KeyType> accepts) {}

  private static final Predicate<KeyType> TEXT = t -> t instanceof KeyType.Text;
  private static final Predicate<KeyType> TEXT_LIST = t -> t instanceof KeyType.ListOf l && l.item() instanceof KeyType.Text;
  private static final Predicate<KeyType> CODE = t -> t instanceof KeyType.Code;
  private static final Predicate<KeyType> SECTION = t -> t instanceof KeyType.Section;
  /** A section that is no fact of its own: what the rules must not see. */
  private static final Predicate<KeyType> OUTCOME = t -> t instanceof KeyType.Section s && s.insert() == Insert.NEVER;

  static final List<Core> ALL = List.of(
      new Core("title", "the reports' heading", "text", TEXT),
      new Core("notes", "the reports", "text", TEXT),
      new Core("observed", "the reports' heading and the dates worked out", "a date", t -> t instanceof KeyType.Date),
      new Core("error", "the reports' heading", "a section", SECTION),
      new Core("error.code", "the reports' heading and the code catalog", "a code", CODE),
      new Core("error.extended", "the reports' heading and the code catalog", "a code", CODE),
      new Core("expect", "rules test", "a section that is never inserted", OUTCOME),
      new Core("expect.top", "rules test", "text", TEXT),
      new Core("expect.ranked", "rules test", "a list of text", TEXT_LIST),
      new Core("expect.ruled_out", "rules test", "a list of text", TEXT_LIST),
      new Core("expect.first_fix", "rules test", "text", TEXT),
      new Core("expect.cites", "rules test", "a list of text", TEXT_LIST),
      new Core("resolution", "rules evaluate", "a section that is never inserted", OUTCOME),
      new Core("resolution.cause", "rules evaluate and rules check", "text", TEXT),
      new Core("resolution.fix", "rules evaluate and rules check", "text", TEXT),
      new Core("resolution.confirmed", "rules evaluate", "one of a set holding 'yes' and 'only-fix-worked'",
          t -> t instanceof KeyType.OneOf o && o.set().spellings().containsAll(List.of(Resolution.CONFIRMED, Resolution.ONLY_FIX_WORKED))),
      new Core("resolution.date", "rules evaluate", "a date", t -> t instanceof KeyType.Date),
      new Core("resolution.by", "rules evaluate", "text", TEXT),
      new Core("resolution.notes", "rules evaluate", "text", TEXT));

  private CoreKeys() {}

  /**
   * @param files the vocabulary's files by name, to locate what is wrong
   * @param shownAs the vocabulary folder as shown to the user
   */
  static List<InputError> check(Vocabulary vocabulary, Map<String, byte[]> files, String shownAs) {
    List<InputError> errors = new ArrayList<>();
    Set<String> wrong = new HashSet<>();
    VocabularyLocator locator = new VocabularyLocator(files, shownAs);
    for (Core core : ALL) {
      int dot = core.path().lastIndexOf('.');
      String parent = dot < 0 ? "" : core.path().substring(0, dot);
      String name = core.path().substring(dot + 1);
      if (wrong.contains(parent)) {
        continue;
      }
      Optional<Place> place = vocabulary.place(core.path());
      String reads = core.path() + " is read by " + core.readBy() + " as " + core.type();
      if (place.isEmpty()) {
        wrong.add(core.path());
        String type = parent.isEmpty() ? vocabulary.root().name()
            : vocabulary.place(parent).flatMap(p -> p.key().section()).map(KeyType.Section::typeName).orElseThrow();
        errors.add(locator.error("types." + type + ".keys", "type " + type + " declares no key '" + name + "': "
            + reads + "; declare it"));
      } else if (!core.accepts().test(place.get().key().type())) {
        wrong.add(core.path());
        KeyType type = place.get().key().type();
        String declared = type instanceof KeyType.Section s && s.insert() != Insert.NEVER
            ? "a section with insert: " + s.insert().name().toLowerCase(Locale.ROOT).replace('_', '-') : type.describe();
        errors.add(locator.error("types." + place.get().in().name() + ".keys." + name + ".type", reads
            + ", not " + declared + "; declare it so"));
      }
    }
    return errors;
  }
}
