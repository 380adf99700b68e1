package dev.rdpdoctor.ruletools;

import dev.rdpdoctor.casefile.Expectation;
import dev.rdpdoctor.casefile.vocabulary.Key;
import dev.rdpdoctor.casefile.vocabulary.SectionType;
import dev.rdpdoctor.casefile.vocabulary.Vocabulary;
import dev.rdpdoctor.casefile.vocabulary.VocabularyReader;
import dev.rdpdoctor.engine.Finding;
import dev.rdpdoctor.knowledge.BaseRate;
import dev.rdpdoctor.knowledge.Cause;
import dev.rdpdoctor.knowledge.CauseCatalog;
import dev.rdpdoctor.knowledge.DeclaredType;
import dev.rdpdoctor.knowledge.Fix;
import dev.rdpdoctor.knowledge.Inspection;
import dev.rdpdoctor.knowledge.PatternInfo;
import dev.rdpdoctor.knowledge.Reliability;
import dev.rdpdoctor.knowledge.RuleInfo;
import dev.rdpdoctor.knowledge.Source;
import dev.rdpdoctor.problem.InputError;
import dev.rdpdoctor.yaml.SourceMap;
import dev.rdpdoctor.yaml.Suggestions;
import dev.rdpdoctor.yaml.YamlDocument;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The knowledge team's linter: everything {@link Inspection} found, plus what makes a rule
 * base hard to trust or maintain, each finding located in its DRL or YAML file.
 */
public final class RuleLinter {

  /** The highest |CF| a rule may carry when every source it cites is unofficial. */
  public static final double UNOFFICIAL_CF_LIMIT = 0.4;

  private static final Pattern SIDE_EFFECT =
      Pattern.compile("System\\s*\\.\\s*(out|err|in|exit)|\\bScanner\\b|java\\.io\\.|java\\.nio\\.|\\bFiles\\s*\\.|"
          + "\\bFile(Reader|Writer|InputStream|OutputStream)?\\s*\\(|\\bRuntime\\b|\\bProcessBuilder\\b|"
          + "\\bhalt\\s*\\(|Thread\\s*\\.\\s*sleep|\\bSocket\\b|\\bURL\\b|\\bHttpClient\\b|printStackTrace");
  private static final Pattern FINDING_CREATED = Pattern.compile("new\\s+Finding\\s*\\(\\s*\"([^\"]+)\"");
  private static final Pattern FINDING_MATCHED = Pattern.compile("name\\s*==\\s*\"([^\"]+)\"");
  private static final Pattern NOT_EQUAL_BOOLEAN = Pattern.compile("([A-Za-z_][\\w.]*)\\s*!=\\s*(true|false)\\b");

  public RuleLinter() {}

  /**
   * @param samples the expectations of the samples that go with these rules; empty when there are
   *     none to look at (then no finding is made about samples)
   */
  public List<InputError> lint(Inspection in, Optional<List<Expectation>> samples) {
    List<InputError> out = new ArrayList<>();
    List<InputError> fieldFindings = new ArrayList<>();
    for (RuleInfo rule : in.rules()) {
      lintRule(rule, in, out, fieldFindings);
    }
    out.addAll(fieldFindings);
    List<String> skipped = skippedFiles(in);
    lintFindings(in, skipped, out);
    in.causeCatalog().ifPresent(doc -> lintCauses(in, skipped, doc, samples, out));
    new QuestionLinter().lint(in, out);
    in.sourceCatalog().ifPresent(doc -> lintSources(in, doc.sourceMap(), out));
    for (InputError e : in.errors()) {
      boolean sameAsFieldFinding = e.message().contains(" has no field or method '")
          && fieldFindings.stream().anyMatch(f -> f.file().equals(e.file()) && f.line() == e.line());
      if (!sameAsFieldFinding) {
        out.add(e);
      }
    }
    out.sort(Comparator.comparing(InputError::file).thenComparingInt(InputError::line)
        .thenComparingInt(InputError::column).thenComparing(InputError::message));
    return out;
  }

  private void lintRule(RuleInfo rule, Inspection in, List<InputError> out, List<InputError> fieldFindings) {
    String name = "rule '" + rule.name() + "'";
    if (!rule.idDeclared()) {
      out.add(error(rule, rule.line(), name + " has no @id(...): give it a stable id, e.g. @id(\"CERT-010\")"));
    }
    if (rule.cause().isPresent() && rule.sources().isEmpty()) {
      out.add(error(rule, rule.line(), name + " gives evidence but cites no @sources(...)"));
    }
    if (rule.cause().isPresent() && rule.cf().isPresent() && !rule.sources().isEmpty()
        && Math.abs(rule.cf().get()) > UNOFFICIAL_CF_LIMIT
        && rule.sources().stream().map(in.sources()::get)
            .allMatch(s -> s != null && s.reliability() == Reliability.LOW)) {
      out.add(InputError.warning(rule.file(), rule.line(), 1, name + " cites only unofficial sources but carries @cf("
          + rule.cf().get() + "); keep such claims within +/-" + UNOFFICIAL_CF_LIMIT + " or cite an official source"));
    }
    Matcher io = SIDE_EFFECT.matcher(rule.consequence());
    if (io.find()) {
      int line = lineOf(in.drl().get(rule.file()), rule.consequenceLine(), io.group());
      out.add(error(rule, line, name + " has a side effect in its consequence (" + io.group().strip()
          + "): a consequence may only insertLogical(...) findings; evidence comes from @cause and @cf"));
    }
    Map<String, SectionType> factTypes = factTypes(in);
    if (in.vocabulary().isEmpty()) {
      return; // no fact types to check against: the vocabulary's errors say why
    }
    for (PatternInfo pattern : rule.patterns()) {
      String simple = pattern.type().substring(pattern.type().lastIndexOf('.') + 1);
      SectionType type = factTypes.get(simple);
      Optional<DeclaredType> declared = in.declaredTypes().stream().filter(d -> d.name().equals(simple)).findFirst();
      if (type == null && declared.isPresent()) {
        lintDeclared(rule, pattern, declared.get(), in, out, fieldFindings);
        continue;
      }
      if (simple.equals(Finding.class.getSimpleName())) {
        continue;
      }
      if (type == null) {
        List<String> names = new ArrayList<>(factTypes.keySet());
        names.add(Finding.class.getSimpleName());
        String hint = Suggestions.closest(simple, names).map(s -> " did you mean " + s + "?").orElse("");
        out.add(error(rule, pattern.line(), name + " matches '" + simple + "', which is never a fact, so it can never match;"
            + hint + " facts are " + String.join(", ", names)
            + "; a new kind of fact is declared in " + VocabularyReader.FOLDER + "/"));
        continue;
      }
      for (String field : pattern.fields()) {
        if (field.endsWith("()") && isFunction(in.drl().get(rule.file()), field.substring(0, field.length() - 2))) {
          continue; // a function of the fields it is given, which are read as fields
        }
        unknownField(in.vocabulary().orElseThrow(), type, field).ifPresent(problem ->
            fieldFindings.add(error(rule, pattern.line(), name + " reads '" + field + "' on " + simple + ": " + problem
                + (problem.contains("can never match") ? "" : ", so the rule can never match"))));
      }
      for (String constraint : pattern.constraints()) {
        Matcher m = NOT_EQUAL_BOOLEAN.matcher(constraint);
        while (m.find()) {
          out.add(InputError.warning(rule.file(), pattern.line(), 1, name + ": '" + m.group().strip()
              + "' also matches when " + m.group(1) + " is unknown; write '" + m.group(1) + " == "
              + ("true".equals(m.group(2)) ? "false" : "true") + "' to match only a known value"));
        }
      }
    }
  }

  /**
   * A pattern on a type the rules declare: a fact when a consequence inserts one, and then read
   * by the fields it declares.
   */
  private static void lintDeclared(
      RuleInfo rule, PatternInfo pattern, DeclaredType type, Inspection in, List<InputError> out, List<InputError> fieldFindings) {
    String name = "rule '" + rule.name() + "'";
    Pattern created = Pattern.compile("\\bnew\\s+(?:[\\w$]+\\.)*" + Pattern.quote(type.name()) + "\\s*\\(");
    boolean inserted = in.rules().stream().anyMatch(r -> created.matcher(r.consequence()).find());
    if (!inserted) {
      if (!pattern.negated()) {
        out.add(error(rule, pattern.line(), name + " matches '" + type.name() + "', which the rules declare (at " + type.file()
            + ":" + type.line() + ") but no consequence inserts, so it can never match"));
      }
      return;
    }
    if (type.inherits()) {
      return; // its fields include those of the type it extends
    }
    for (String field : pattern.fields()) {
      String first = field.split("\\.")[0];
      if (!field.endsWith("()") && !type.fields().contains(first)) {
        String hint = Suggestions.closest(first, type.fields()).map(s -> " (did you mean '" + s + "'?)").orElse("");
        fieldFindings.add(error(rule, pattern.line(), name + " reads '" + field + "' on " + type.name() + ": "
            + type.name() + " declares no field '" + first + "'" + hint + ", so the rule can never match"));
      }
    }
  }

  /** The first line at or after {@code from} that holds {@code text}; {@code from} if none does. */
  private static int lineOf(String source, int from, String text) {
    if (source == null) {
      return from;
    }
    List<String> lines = source.lines().toList();
    for (int i = Math.max(from - 1, 0); i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i + 1;
      }
    }
    return from;
  }

  /** Whether the DRL imports or declares a function of this name ({@code import function ...FactFunctions.mentions;}). */
  static boolean isFunction(String drl, String name) {
    return drl != null && Pattern.compile("import\\s+function\\s+[\\w.]+\\." + Pattern.quote(name) + "\\s*;"
        + "|\\bfunction\\s+[\\w.<>\\[\\], ]+\\s+" + Pattern.quote(name) + "\\s*\\(").matcher(drl).find();
  }

  /** The types the rules can match, from the vocabulary (none when it cannot be read: that error is reported). */
  private static Map<String, SectionType> factTypes(Inspection in) {
    Map<String, SectionType> out = new LinkedHashMap<>();
    in.vocabulary().ifPresent(v -> v.readableTypes().forEach(t -> out.put(t.name(), t)));
    return out;
  }

  /**
   * Why the field path does not exist on the type, or empty when it does: each part is a key of
   * its section in the vocabulary; past a value (text, a list) it is not ours to judge.
   */
  static Optional<String> unknownField(Vocabulary vocabulary, SectionType type, String fieldPath) {
    if (fieldPath.endsWith("()")) {
      return Optional.of(type.name() + " has no method '" + fieldPath.substring(0, fieldPath.length() - 2)
          + "': a fact has fields only; call a function of them, e.g. mentions(text, \"10013\")");
    }
    SectionType current = type;
    for (String part : fieldPath.split("\\.")) {
      if (current == null) {
        return Optional.empty();
      }
      Optional<Key> hit = current.keyOfField(part);
      if (hit.isEmpty()) {
        List<String> names = current.keys().stream().map(Key::field).toList();
        String hint = Suggestions.closest(part, names).map(s -> " (did you mean '" + s + "'?)").orElse("");
        return Optional.of(current.name() + " has no field '" + part + "'" + hint
            + ", so the rule can never match; to add a key, declare it under " + current.name() + " in "
            + VocabularyReader.FOLDER + "/");
      }
      current = hit.get().section().filter(s -> !hit.get().isList())
          .flatMap(s -> vocabulary.type(s.typeName())).orElse(null);
    }
    return Optional.empty();
  }

  /**
   * The text of the DRL files skipped for a syntax error: they yield no rules, so what they say
   * (a cause's rules, a finding's creation) is not reported missing as if it were.
   */
  private static List<String> skippedFiles(Inspection in) {
    Set<String> withRules = new HashSet<>();
    in.rules().forEach(r -> withRules.add(r.file()));
    Set<String> withErrors = new HashSet<>();
    in.errors().forEach(e -> withErrors.add(e.file()));
    return in.drl().entrySet().stream()
        .filter(e -> !withRules.contains(e.getKey()) && withErrors.contains(e.getKey()))
        .map(Map.Entry::getValue)
        .toList();
  }

  private static void lintFindings(Inspection in, List<String> skipped, List<InputError> out) {
    Set<String> created = new HashSet<>();
    for (RuleInfo rule : in.rules()) {
      Matcher m = FINDING_CREATED.matcher(rule.consequence());
      while (m.find()) {
        created.add(m.group(1));
      }
    }
    for (String text : skipped) {
      Matcher m = FINDING_CREATED.matcher(text);
      while (m.find()) {
        created.add(m.group(1));
      }
    }
    Set<String> matched = new HashSet<>();
    for (RuleInfo rule : in.rules()) {
      for (PatternInfo p : rule.patterns()) {
        if (!p.type().endsWith("Finding")) {
          continue;
        }
        for (String c : p.constraints()) {
          Matcher m = FINDING_MATCHED.matcher(c);
          while (m.find()) {
            matched.add(m.group(1));
            if (!created.contains(m.group(1)) && !p.negated()) {
              out.add(error(rule, p.line(), "rule '" + rule.name() + "' matches the finding \"" + m.group(1)
                  + "\", which no rule creates, so it can never match"));
            }
          }
        }
      }
    }
    for (RuleInfo rule : in.rules()) {
      Matcher m = FINDING_CREATED.matcher(rule.consequence());
      while (m.find()) {
        if (!matched.contains(m.group(1))) {
          out.add(InputError.warning(rule.file(), rule.consequenceLine(), 1, "rule '" + rule.name()
              + "' creates the finding \"" + m.group(1) + "\", which no rule uses"));
        }
      }
    }
  }

  private static void lintCauses(Inspection in, List<String> skipped, YamlDocument<CauseCatalog> doc,
      Optional<List<Expectation>> samples, List<InputError> out) {
    SourceMap map = doc.sourceMap();
    List<Cause> causes = doc.value().causes();
    for (int i = 0; i < causes.size(); i++) {
      Cause c = causes.get(i);
      String at = "causes[" + i + "]";
      Pattern citing = Pattern.compile("@cause\\(\\s*\"" + Pattern.quote(c.id()) + "\"\\s*\\)");
      if (in.rules().stream().noneMatch(r -> r.cause().filter(c.id()::equals).isPresent())
          && skipped.stream().noneMatch(text -> citing.matcher(text).find())) {
        out.add(map.errorAt(at + ".id", "cause '" + c.id() + "' has no rule: no @cause(\"" + c.id() + "\") in any .drl file"));
      }
      if (c.fixes().isEmpty()) {
        out.add(map.errorAt(at + ".id", "cause '" + c.id() + "' has no fix"));
      }
      for (int j = 0; j < c.fixes().size(); j++) {
        Fix f = c.fixes().get(j);
        String fixAt = at + ".fixes[" + j + "]";
        if (f.rollback() == null || f.rollback().isBlank()) {
          out.add(map.errorAt(fixAt + ".id", "fix '" + f.id() + "' does not say how to roll it back ('rollback')"));
        }
        if (f.verify() == null || f.verify().isBlank()) {
          out.add(map.errorAt(fixAt + ".id", "fix '" + f.id() + "' does not say how to verify it ('verify')"));
        }
        for (String key : f.notWhen().keySet()) {
          if (in.vocabulary().isPresent() && in.vocabulary().get().place(key).isEmpty()) {
            String hint = Suggestions.closest(key, in.vocabulary().get().places().keySet())
                .map(s -> " did you mean '" + s + "'?").orElse("");
            out.add(map.errorAt(fixAt + ".not_when." + key, "fix '" + f.id() + "' does not apply when " + key
                + " is ..., but no symptom file has that key;" + hint));
          }
        }
      }
      if (c.baseRate() == null) {
        out.add(map.warningAt(at + ".id", "cause '" + c.id() + "' has no base_rate: a case no fact points at is"
            + " ranked by how common each cause is; give its share of 0x904 / 0x7 tickets and where the figure"
            + " comes from (a source id or '" + BaseRate.TEAM_ESTIMATE + "')"));
      } else if (!c.baseRate().teamEstimate() && !in.sources().containsKey(c.baseRate().from())) {
        out.add(map.errorAt(at + ".base_rate.from", "cause '" + c.id() + "': base_rate comes from '" + c.baseRate().from()
            + "', which is not in sources.yaml; cite a source or write '" + BaseRate.TEAM_ESTIMATE + "'"));
      }
      samples.ifPresent(list -> {
        boolean covered = list.stream().anyMatch(e -> e.top().equals(c.id()) || e.ranked().contains(c.id()));
        if (!covered) {
          out.add(map.warningAt(at + ".id", "cause '" + c.id() + "' has no sample: no sample expects it as top or ranked"));
        }
      });
    }
  }

  private static void lintSources(Inspection in, SourceMap map, List<InputError> out) {
    Set<String> cited = new HashSet<>();
    in.rules().forEach(r -> cited.addAll(r.sources()));
    for (Cause c : in.causes().values()) {
      cited.addAll(c.sources());
      c.rate().ifPresent(r -> cited.add(r.from()));
      c.fixes().forEach(f -> cited.addAll(f.sources()));
    }
    int i = 0;
    for (Source s : in.sourceCatalog().map(d -> d.value().sources()).orElse(List.of())) {
      if (!cited.contains(s.id())) {
        out.add(map.warningAt("sources[" + i + "].id", "source '" + s.id() + "' is cited by no rule, cause or fix"));
      }
      i++;
    }
  }

  private static InputError error(RuleInfo rule, int line, String message) {
    return InputError.error(rule.file(), line, 1, message);
  }
}
