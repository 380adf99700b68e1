package dev.rdpdoctor.knowledge.load;

import dev.rdpdoctor.casefile.vocabulary.Key;
import dev.rdpdoctor.casefile.vocabulary.SectionType;
import dev.rdpdoctor.casefile.vocabulary.Vocabulary;
import dev.rdpdoctor.knowledge.KnowledgeBase;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DRL as the executable model compiles it. Its expression parser reserves {@code when}, which
 * a vocabulary may declare as a field ({@code ErrorReport.when}): a constraint such as
 * {@code ErrorReport(when == ErrorTiming.MID_SESSION)} is rewritten to read the field through a
 * generated function, {@code whenOf_facts_ErrorReport(this) == ErrorTiming.MID_SESSION}, which
 * calls its getter {@code getWhen()} and means the same (a missing value is null either way).
 * Only the compiled text changes: rule names, packages and lines stay as written, and the index
 * is read from the original DRL.
 */
final class ModelSource {

  /** Field names the executable model cannot read directly. */
  private static final Set<String> RESERVED = Set.of("when");

  private static final String DECLARED = KnowledgeBase.FACT_PACKAGE;

  /** {@code import a.b.C;} or {@code import a.b.*;}, not {@code import function} or {@code import accumulate}. */
  private static final Pattern IMPORT =
      Pattern.compile("(?m)^\\s*import\\s+(?!function\\s|accumulate\\s|static\\s)([\\w.]+?)(\\.\\*)?\\s*;");

  /** A type with a field the executable model cannot read directly, and how to read each such field. */
  private record ReservedType(String qualifiedName, String functionSuffix, Map<String, Reader> fields) {}

  /** How a reserved field is read: its Java type and the call that reads it. */
  private record Reader(String type, String call) {}

  private final Map<String, ReservedType> types = new HashMap<>();
  private final Set<String> factTypes = new HashSet<>();

  private ModelSource(Vocabulary vocabulary) {
    for (SectionType type : vocabulary.readableTypes()) {
      factTypes.add(type.name());
      Map<String, Reader> fields = new LinkedHashMap<>();
      for (Key key : type.keys()) {
        if (RESERVED.contains(key.field())) {
          fields.put(key.field(), new Reader(DeclaredTypes.javaType(key.type(), true), "get"
              + Character.toUpperCase(key.field().charAt(0)) + key.field().substring(1) + "()"));
        }
      }
      if (!fields.isEmpty()) {
        String name = DECLARED + "." + type.name();
        types.put(name, new ReservedType(name, name.replace('.', '_'), fields));
      }
    }
  }

  /**
   * The DRL to compile, by resource path: the files as rewritten, and one file of functions per
   * package that needs them.
   *
   * @param vocabulary the folder's vocabulary, whose fact types the rules may read
   */
  static Map<String, String> prepare(Map<String, String> drlByPath, Vocabulary vocabulary) {
    ModelSource source = new ModelSource(vocabulary);
    Map<String, String> out = new LinkedHashMap<>();
    Map<String, Set<String>> functionsByPackage = new TreeMap<>();
    drlByPath.forEach((path, drl) -> {
      Rewrite rewrite = source.new Rewrite(drl);
      out.put(path, rewrite.text());
      if (!rewrite.functions.isEmpty()) {
        functionsByPackage.computeIfAbsent(rewrite.packageName, p -> new LinkedHashSet<>()).addAll(rewrite.functions);
      }
    });
    functionsByPackage.forEach((pkg, functions) -> {
      StringBuilder file = new StringBuilder();
      if (!pkg.isEmpty()) {
        file.append("package ").append(pkg).append(";\n");
      }
      functions.forEach(f -> file.append(f).append('\n'));
      out.put("rdp-doctor-generated/" + (pkg.isEmpty() ? "default" : pkg) + "/field-functions.drl", file.toString());
    });
    return out;
  }

  private static String functionName(String field, ReservedType type) {
    return field + "Of_" + type.functionSuffix();
  }

  private static String function(String field, ReservedType type) {
    Reader reader = type.fields().get(field);
    return "function " + reader.type() + " " + functionName(field, type) + "(" + type.qualifiedName() + " fact) { return fact."
        + reader.call() + "; }";
  }

  /**
   * The qualified name a fact type's simple name stands for in a file: its single-type import,
   * else the vocabulary's type.
   */
  private static Map<String, String> importsOf(String drl) {
    Map<String, String> single = new HashMap<>();
    Matcher m = IMPORT.matcher(drl);
    while (m.find()) {
      String name = m.group(1);
      if (m.group(2) == null) {
        single.put(name.substring(name.lastIndexOf('.') + 1), name);
      }
    }
    Map<String, String> resolved = new HashMap<>(single);
    resolved.put("*", DECLARED);
    return resolved;
  }

  /** One pass over a file: comments and strings are copied untouched. */
  private final class Rewrite {
    private final String drl;
    private final StringBuilder out = new StringBuilder();
    private final Set<String> functions = new LinkedHashSet<>();
    private String packageName = "";
    private Map<String, String> imports;
    /** The qualified fact type whose constraints are being read, per open parenthesis; empty when none. */
    private final Deque<String> patternTypes = new ArrayDeque<>();
    private int i;
    private boolean inConditions;
    private String lastIdentifier = "";
    /** The last identifier with the qualifier written before it: {@code facts.ErrorReport}. */
    private String lastQualified = "";
    private char lastSignificant = ' ';

    Rewrite(String drl) {
      this.drl = drl;
      run();
    }

    String text() {
      return out.toString();
    }

    private void run() {
      while (i < drl.length()) {
        char c = drl.charAt(i);
        if (c == '/' && next() == '/') {
          copyUntil("\n", false);
        } else if (c == '/' && next() == '*') {
          copyUntil("*/", true);
        } else if (c == '"' || c == '\'') {
          copyString(c);
        } else if (Character.isJavaIdentifierStart(c)) {
          identifier();
        } else {
          if (c == '(') {
            boolean afterType = Character.isJavaIdentifierPart(lastSignificant) && factTypes.contains(lastIdentifier);
            patternTypes.push(afterType ? qualified() : patternType());
          } else if (c == ')' && !patternTypes.isEmpty()) {
            patternTypes.pop();
          }
          if (!Character.isWhitespace(c)) {
            lastSignificant = c;
          }
          out.append(c);
          i++;
        }
      }
    }

    /** The qualified name of the fact type just read, as written or as the file's imports say. */
    private String qualified() {
      if (!lastQualified.equals(lastIdentifier)) {
        return lastQualified;
      }
      if (imports == null) {
        imports = importsOf(drl);
      }
      String single = imports.get(lastIdentifier);
      return single != null ? single : imports.get("*") + "." + lastIdentifier;
    }

    private void identifier() {
      int start = i;
      while (i < drl.length() && Character.isJavaIdentifierPart(drl.charAt(i))) {
        i++;
      }
      String word = drl.substring(start, i);
      boolean field = lastSignificant != '.';
      int depth = patternTypes.size();
      ReservedType reserved = types.get(patternType());
      if (depth == 0 && word.equals("package") && packageName.isEmpty()) {
        packageName = packageNameAt(i);
      } else if (depth == 0 && word.equals("when")) {
        inConditions = true;
      } else if (depth == 0 && word.equals("then")) {
        inConditions = false;
      } else if (inConditions && depth > 0 && field && reserved != null && reserved.fields().containsKey(word)) {
        functions.add(function(word, reserved));
        out.append(functionName(word, reserved)).append("(this)");
        lastIdentifier = word;
        lastQualified = word;
        lastSignificant = ')';
        return;
      }
      out.append(word);
      lastQualified = field ? word : lastQualified + "." + word;
      lastIdentifier = word;
      lastSignificant = word.charAt(word.length() - 1);
    }

    private String patternType() {
      return patternTypes.isEmpty() ? "" : patternTypes.peek();
    }

    private String packageNameAt(int from) {
      int end = from;
      while (end < drl.length() && drl.charAt(end) != ';' && drl.charAt(end) != '\n') {
        end++;
      }
      return drl.substring(from, end).strip();
    }

    private char next() {
      return i + 1 < drl.length() ? drl.charAt(i + 1) : 0;
    }

    private void copyUntil(String end, boolean inclusive) {
      int stop = drl.indexOf(end, i + 2);
      int to = stop < 0 ? drl.length() : stop + (inclusive ? end.length() : 0);
      out.append(drl, i, to);
      i = to;
    }

    private void copyString(char quote) {
      int j = i + 1;
      while (j < drl.length() && drl.charAt(j) != quote && drl.charAt(j) != '\n') {
        j += drl.charAt(j) == '\\' ? 2 : 1;
      }
      j = Math.min(j + 1, drl.length());
      out.append(drl, i, j);
      i = j;
      lastSignificant = quote;
    }
  }
}
