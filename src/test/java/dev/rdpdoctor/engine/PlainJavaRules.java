package dev.rdpdoctor.engine;

import dev.rdpdoctor.casefile.CaseFile;
import dev.rdpdoctor.knowledge.FactFunctions;
import dev.rdpdoctor.knowledge.KnowledgeBase;
import dev.rdpdoctor.knowledge.PatternInfo;
import dev.rdpdoctor.knowledge.RuleInfo;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The benchmark's floor: the same rules evaluated in plain Java, without Drools, on the same
 * facts the engine inserts (the vocabulary's declared types, made by {@link FactBuilder}). Each rule's
 * constraints, as the index holds them, are compiled once into predicates; a case is diagnosed
 * by testing every pattern against the facts of its type and firing the rule for each
 * combination of matching facts, as Drools does for rules without joins. The trace is quoted and
 * the causes ranked by the engine's own code, so only the matching differs from the real thing.
 *
 * <p>It covers what the bundled rules use: comparisons, {@code &&}, {@code ||}, parentheses,
 * {@code matches}, helper methods and nested fields. Rules that derive findings, join facts or
 * use {@code not} are refused.
 */
public final class PlainJavaRules {

  private final KnowledgeBase knowledge;
  private final List<CompiledRule> rules = new ArrayList<>();
  private final Ranker ranker;
  private final FactBuilder facts;

  private record CompiledRule(RuleInfo info, List<CompiledPattern> patterns) {}

  private record CompiledPattern(String type, List<String> fields, List<Condition> conditions) {

    boolean matches(Object fact) {
      for (Condition c : conditions) {
        if (!c.holds(fact)) {
          return false;
        }
      }
      return true;
    }
  }

  public PlainJavaRules(KnowledgeBase knowledge) {
    this.knowledge = knowledge;
    this.ranker = new Ranker(knowledge);
    // without the rules assembled (the benchmark's floor), the build's fact classes are made directly
    this.facts = knowledge.kieBase() == null ? FactBuilder.ofClasses(getClass().getClassLoader(), knowledge.vocabulary())
        : new FactBuilder(knowledge.kieBase(), knowledge.vocabulary());
    Set<String> factTypes = knowledge.vocabulary().factTypes().keySet();
    List<RuleInfo> ordered = new ArrayList<>(knowledge.allRules());
    ordered.sort(Comparator.comparing(RuleInfo::file).thenComparingInt(RuleInfo::line));
    for (RuleInfo rule : ordered) {
      if (!rule.consequence().isBlank()) {
        throw new UnsupportedOperationException(rule.location() + ": the plain-Java rules have no consequences");
      }
      List<CompiledPattern> patterns = new ArrayList<>();
      for (PatternInfo p : rule.patterns()) {
        if (p.negated() || !factTypes.contains(p.type())) {
          throw new UnsupportedOperationException(rule.location() + ": pattern " + p.type() + " is not supported");
        }
        List<Condition> conditions = new ArrayList<>();
        for (String constraint : p.constraints()) {
          conditions.add(new Parser(constraint).parse());
        }
        patterns.add(new CompiledPattern(p.type(), rule.fieldsOf(p.type()), conditions));
      }
      rules.add(new CompiledRule(rule, patterns));
    }
  }

  public Diagnosis diagnose(CaseFile caseFile) {
    List<CaseFact> caseFacts = facts.facts(caseFile.values());
    Map<String, List<CaseFact>> byType = new HashMap<>();
    for (CaseFact f : caseFacts) {
      byType.computeIfAbsent(f.section().type().name(), t -> new ArrayList<>(2)).add(f);
    }
    FactQuoter quoter = new FactQuoter(caseFile, caseFacts);
    List<Firing> firings = new ArrayList<>();
    for (CompiledRule rule : rules) {
      fire(rule, 0, new ArrayList<>(), byType, quoter, firings);
    }
    return ranker.rank(caseFile, caseFacts, firings);
  }

  private static void fire(CompiledRule rule, int at, List<CaseFact> matched, Map<String, List<CaseFact>> byType,
      FactQuoter quoter, List<Firing> firings) {
    if (at == rule.patterns().size()) {
      List<MatchedFact> facts = new ArrayList<>();
      for (int i = 0; i < matched.size(); i++) {
        CaseFact f = matched.get(i);
        facts.addAll(quoter.quote(f.value(), f.path(), rule.patterns().get(i).fields()));
      }
      firings.add(new Firing(firings.size() + 1, rule.info(), facts, List.of(), List.of()));
      return;
    }
    CompiledPattern pattern = rule.patterns().get(at);
    for (CaseFact f : byType.getOrDefault(pattern.type(), List.of())) {
      if (pattern.matches(f.value())) {
        matched.add(f);
        fire(rule, at + 1, matched, byType, quoter, firings);
        matched.remove(matched.size() - 1);
      }
    }
  }

  /** A constraint, or part of one, tested on a fact. */
  private interface Condition {
    boolean holds(Object fact);
  }

  /** A value read from a fact, or a constant. */
  private interface Operand {
    Object value(Object fact);
  }

  private record EnumConstant(String type, String name) {

    boolean is(Object value) {
      return value instanceof Enum<?> e && e.name().equals(name) && e.getDeclaringClass().getSimpleName().equals(type);
    }
  }

  private static boolean equal(Object a, Object b) {
    if (a instanceof EnumConstant e) {
      return e.is(b);
    }
    if (b instanceof EnumConstant e) {
      return e.is(a);
    }
    if (a instanceof Number x && b instanceof Number y) {
      return x.doubleValue() == y.doubleValue();
    }
    return Objects.equals(a, b);
  }

  private static Condition compare(Operand left, String op, Operand right) {
    return switch (op) {
      case "==" -> f -> equal(left.value(f), right.value(f));
      case "!=" -> f -> !equal(left.value(f), right.value(f));
      default -> f -> {
        Object a = left.value(f);
        Object b = right.value(f);
        if (!(a instanceof Number x) || !(b instanceof Number y)) {
          return false;
        }
        int c = Double.compare(x.doubleValue(), y.doubleValue());
        return switch (op) {
          case ">=" -> c >= 0;
          case "<=" -> c <= 0;
          case ">" -> c > 0;
          case "<" -> c < 0;
          default -> throw new IllegalStateException(op);
        };
      };
    };
  }

  /** Reads the declared facts' fields through their getters, looking each one up once per class. */
  private static final Map<String, Method> METHODS = new ConcurrentHashMap<>();

  private static Object call(Object target, String name, Object[] args) {
    if (target == null) {
      return null;
    }
    Method m = METHODS.computeIfAbsent(target.getClass().getName() + "#" + name + "/" + args.length, k -> {
      String bean = Character.toUpperCase(name.charAt(0)) + name.substring(1);
      for (String spelled : List.of(name, "get" + bean, "is" + bean)) {
        for (Method candidate : target.getClass().getMethods()) {
          if (candidate.getName().equals(spelled) && candidate.getParameterCount() == args.length) {
            return candidate;
          }
        }
      }
      throw new UnsupportedOperationException(target.getClass().getSimpleName() + " has no " + name + "()");
    });
    try {
      return m.invoke(target, args);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Recursive descent over the constraint language the rules use. */
  private static final class Parser {
    private static final Pattern TOKEN = Pattern.compile(
        "\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|0[xX][0-9a-fA-F]+|\\d+\\.\\d+|\\d+|[A-Za-z_$][\\w$]*|==|!=|>=|<=|&&|\\|\\||[<>().,])");

    private final String text;
    private final List<String> tokens = new ArrayList<>();
    private int at;

    Parser(String text) {
      this.text = text;
      var m = TOKEN.matcher(text);
      int end = 0;
      while (m.find() && m.start() == end) {
        tokens.add(m.group(1));
        end = m.end();
      }
      if (!text.substring(end).isBlank()) {
        throw new UnsupportedOperationException("cannot read constraint '" + text + "'");
      }
    }

    Condition parse() {
      Condition c = or();
      if (at != tokens.size()) {
        throw new UnsupportedOperationException("cannot read constraint '" + text + "'");
      }
      return c;
    }

    private String peek() {
      return at < tokens.size() ? tokens.get(at) : "";
    }

    private String next() {
      return tokens.get(at++);
    }

    private Condition or() {
      Condition left = and();
      while (peek().equals("||")) {
        next();
        Condition a = left;
        Condition b = and();
        left = f -> a.holds(f) || b.holds(f);
      }
      return left;
    }

    private Condition and() {
      Condition left = primary();
      while (peek().equals("&&")) {
        next();
        Condition a = left;
        Condition b = primary();
        left = f -> a.holds(f) && b.holds(f);
      }
      return left;
    }

    private Condition primary() {
      if (peek().equals("(")) {
        next();
        Condition inner = or();
        expect(")");
        return inner;
      }
      Operand left = operand();
      String op = peek();
      if (List.of("==", "!=", ">=", "<=", ">", "<").contains(op)) {
        next();
        return compare(left, op, operand());
      }
      if (op.equals("matches")) {
        next();
        Pattern regex = Pattern.compile(unquote(next()));
        return f -> left.value(f) instanceof String s && regex.matcher(s).matches();
      }
      return f -> Boolean.TRUE.equals(left.value(f));
    }

    private void expect(String token) {
      if (!next().equals(token)) {
        throw new UnsupportedOperationException("cannot read constraint '" + text + "'");
      }
    }

    private Operand operand() {
      String t = next();
      if (t.startsWith("\"")) {
        String s = unquote(t);
        return f -> s;
      }
      if (t.startsWith("0x") || t.startsWith("0X")) {
        Long n = Long.parseLong(t.substring(2), 16);
        return f -> n;
      }
      if (Character.isDigit(t.charAt(0))) {
        Number n = t.contains(".") ? (Number) Double.valueOf(t) : (Number) Long.valueOf(t);
        return f -> n;
      }
      switch (t) {
        case "true" -> { return f -> Boolean.TRUE; }
        case "false" -> { return f -> Boolean.FALSE; }
        case "null" -> { return f -> null; }
        default -> { }
      }
      if (Character.isUpperCase(t.charAt(0)) && peek().equals(".")) {
        next();
        EnumConstant constant = new EnumConstant(t, next());
        return f -> constant;
      }
      if (peek().equals("(")) {
        next();
        List<Operand> args = new ArrayList<>();
        while (!peek().equals(")")) {
          args.add(operand());
          if (peek().equals(",")) {
            next();
          }
        }
        expect(")");
        if (t.equals("mentions")) { // the rules' function library
          return f -> FactFunctions.mentions((String) args.get(0).value(f), (String) args.get(1).value(f));
        }
        return f -> call(f, t, args.stream().map(a -> a.value(f)).toArray());
      }
      List<String> path = new ArrayList<>(List.of(t));
      while (peek().equals(".")) {
        next();
        path.add(next());
      }
      return f -> {
        Object v = f;
        for (String part : path) {
          v = call(v, part, new Object[0]);
        }
        return v;
      };
    }

    private static String unquote(String token) {
      return token.substring(1, token.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
    }
  }

  public KnowledgeBase knowledge() {
    return knowledge;
  }
}
