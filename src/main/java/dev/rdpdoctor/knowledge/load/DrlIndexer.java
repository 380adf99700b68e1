package dev.rdpdoctor.knowledge.load;

import dev.rdpdoctor.knowledge.DeclaredType;
import dev.rdpdoctor.knowledge.PatternInfo;
import dev.rdpdoctor.knowledge.RuleInfo;
import dev.rdpdoctor.problem.InputError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.ast.descr.TypeDeclarationDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.ParserError;

/** Reads each rule's metadata and patterns from DRL source, without compiling it. */
final class DrlIndexer {

  private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
  private static final Pattern FIELD =
      Pattern.compile("(?<![\\w$.])([a-z][A-Za-z0-9_]*(?:\\.[a-z][A-Za-z0-9_]*)*)(?![\\w.])(\\s*\\()?");
  private static final Set<String> KEYWORDS =
      Set.of("true", "false", "null", "contains", "matches", "memberOf", "in", "not", "excludes",
          "soundslike", "str", "instanceof", "this", "after", "before");

  /** Said with a file's first syntax error: nothing in the file counts until it parses. */
  static final String SKIPPED = "; the whole file is skipped until it parses";

  record Indexed(List<RuleInfo> rules, List<DeclaredType> declared, List<InputError> errors) {}

  Indexed index(String file, String drl) {
    List<InputError> errors = new ArrayList<>();
    DrlParser parser = new DrlParser();
    PackageDescr pkg;
    try {
      pkg = parser.parse(null, drl);
    } catch (DroolsParserException e) {
      errors.add(InputError.error(file, e.getLineNumber(), e.getColumn() + 1, e.getMessage() + SKIPPED));
      return new Indexed(List.of(), List.of(), errors);
    }
    if (parser.hasErrors() || pkg == null) {
      for (DroolsError error : parser.getErrors()) {
        int column = error instanceof ParserError p ? p.getCol() + 1 : 1;
        int line = error.getLines().length > 0 ? error.getLines()[0] : 1;
        errors.add(InputError.error(file, line, column, DrlMessages.clean(error.getMessage())
            + (errors.isEmpty() ? SKIPPED : "")));
      }
      if (errors.isEmpty()) {
        errors.add(InputError.error(file, 1, 1, "the file cannot be parsed" + SKIPPED));
      }
      return new Indexed(List.of(), List.of(), errors);
    }
    List<RuleInfo> rules = new ArrayList<>();
    for (RuleDescr rule : pkg.getRules()) {
      rules.add(describe(file, pkg.getName(), rule, errors));
    }
    List<DeclaredType> declared = new ArrayList<>();
    for (TypeDeclarationDescr type : pkg.getTypeDeclarations()) {
      declared.add(new DeclaredType(type.getTypeName(), file, type.getLine(), List.copyOf(type.getFields().keySet()),
          !type.getSuperTypes().isEmpty()));
    }
    return new Indexed(rules, declared, errors);
  }

  private RuleInfo describe(String file, String pkg, RuleDescr rule, List<InputError> errors) {
    Optional<String> declaredId = text(rule, "id").filter(s -> !s.isBlank());
    String id = declaredId.orElse(rule.getName());
    Optional<String> cause = text(rule, "cause");
    Optional<Double> cf = Optional.empty();
    Optional<String> cfText = text(rule, "cf");
    if (cfText.isPresent()) {
      try {
        cf = Optional.of(Double.parseDouble(cfText.get()));
      } catch (NumberFormatException e) {
        errors.add(InputError.error(file, rule.getLine(), rule.getColumn() + 1,
            "rule '" + rule.getName() + "': @cf(" + cfText.get() + ") is not a number in [-1, 1]"));
      }
    }
    List<String> sources =
        text(rule, "sources").map(DrlIndexer::splitList).orElse(List.of());
    List<PatternInfo> patterns = new ArrayList<>();
    collect(rule.getLhs(), false, patterns);
    String key = (pkg == null || pkg.isEmpty() ? "" : pkg + ".") + rule.getName();
    String consequence = rule.getConsequence() == null ? "" : rule.getConsequence().toString();
    return new RuleInfo(key, id, declaredId.isPresent(), rule.getName(), file, rule.getLine(), cause, cf, sources, patterns,
        consequence, rule.getConsequenceLine());
  }

  private static void collect(BaseDescr descr, boolean negated, List<PatternInfo> out) {
    if (descr instanceof PatternDescr pattern) {
      List<String> constraints = new ArrayList<>();
      Set<String> fields = new LinkedHashSet<>();
      for (BaseDescr c : pattern.getConstraint().getDescrs()) {
        String text = c.getText() == null ? "" : c.getText();
        constraints.add(text);
        fields.addAll(fieldsIn(text));
      }
      out.add(new PatternInfo(pattern.getObjectType(), pattern.getLine(), List.copyOf(fields), constraints, negated));
      if (pattern.getSource() instanceof ConditionalElementDescr source) {
        collect((BaseDescr) source, negated, out);
      }
    } else if (descr instanceof ConditionalElementDescr group) {
      boolean inner = negated || descr instanceof NotDescr;
      for (Object child : group.getDescrs()) {
        collect((BaseDescr) child, inner, out);
      }
    }
  }

  static List<String> fieldsIn(String constraint) {
    String withoutStrings = STRING.matcher(constraint).replaceAll("\"\"");
    int bind = withoutStrings.indexOf(':');
    if (bind > 0 && withoutStrings.substring(0, bind).strip().startsWith("$")) {
      withoutStrings = withoutStrings.substring(bind + 1);
    }
    Set<String> out = new LinkedHashSet<>();
    Matcher m = FIELD.matcher(withoutStrings);
    while (m.find()) {
      String name = m.group(1);
      if (!KEYWORDS.contains(name)) {
        out.add(m.group(2) == null ? name : name + "()");
      }
    }
    return List.copyOf(out);
  }

  private static Optional<String> text(RuleDescr rule, String name) {
    AnnotationDescr a = rule.getAnnotation(name);
    if (a == null) {
      return Optional.empty();
    }
    String value = a.getSingleValueAsString();
    if (value == null) {
      return Optional.of("");
    }
    value = value.strip();
    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      value = value.substring(1, value.length() - 1);
    }
    return Optional.of(value.strip());
  }

  private static List<String> splitList(String text) {
    return Arrays.stream(text.split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }
}
