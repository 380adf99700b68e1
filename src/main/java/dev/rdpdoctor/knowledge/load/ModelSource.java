package dev.rdpdoctor.knowledge.load;

import dev.rdpdoctor.casefile.FactTypes;
import java.lang.reflect.RecordComponent;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * DRL as the executable model compiles it. Its expression parser reserves {@code when}, which
 * is also a field of {@code ErrorReport}: a constraint such as
 * {@code ErrorReport(when == ErrorTiming.MID_SESSION)} is rewritten to read the field through a
 * generated function, {@code whenOf_ErrorReport(this) == ErrorTiming.MID_SESSION}, which means
 * the same (a missing value is null either way). Only the compiled text changes: rule names,
 * packages and lines stay as written, and the index is read from the original DRL.
 */
final class ModelSource {

  /** Field names the executable model cannot read directly. */
  private static final Set<String> RESERVED = Set.of("when");

  private static final Map<String, Class<?>> TYPES_WITH_RESERVED_FIELDS = typesWithReservedFields();

  private static final Set<String> FACT_TYPES =
      FactTypes.ALL.stream().map(Class::getSimpleName).collect(Collectors.toSet());

  /** The DRL to compile, by resource path: the files as rewritten, and one file of functions per package that needs them. */
  static Map<String, String> prepare(Map<String, String> drlByPath) {
    Map<String, String> out = new LinkedHashMap<>();
    Map<String, Set<String>> functionsByPackage = new TreeMap<>();
    drlByPath.forEach((path, drl) -> {
      Rewrite rewrite = new Rewrite(drl);
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

  private static Map<String, Class<?>> typesWithReservedFields() {
    Map<String, Class<?>> types = new LinkedHashMap<>();
    for (Class<? extends Record> type : FactTypes.ALL) {
      for (RecordComponent c : type.getRecordComponents()) {
        if (RESERVED.contains(c.getName())) {
          types.put(type.getSimpleName(), type);
        }
      }
    }
    return types;
  }

  private static String functionName(String field, String type) {
    return field + "Of_" + type;
  }

  private static String function(String field, Class<?> type) {
    Class<?> result;
    try {
      result = type.getMethod(field).getReturnType();
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(type + " has no accessor " + field + "()", e);
    }
    return "function " + result.getCanonicalName() + " " + functionName(field, type.getSimpleName()) + "("
        + type.getCanonicalName() + " fact) { return fact." + field + "(); }";
  }

  /** One pass over a file: comments and strings are copied untouched. */
  private static final class Rewrite {
    private final String drl;
    private final StringBuilder out = new StringBuilder();
    private final Set<String> functions = new LinkedHashSet<>();
    private String packageName = "";
    /** The fact type whose constraints are being read, per open parenthesis. */
    private final Deque<String> patternTypes = new ArrayDeque<>();
    private int i;
    private boolean inConditions;
    private String lastIdentifier = "";
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
            boolean afterType = Character.isJavaIdentifierPart(lastSignificant) && FACT_TYPES.contains(lastIdentifier);
            patternTypes.push(afterType ? lastIdentifier : patternType());
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

    private void identifier() {
      int start = i;
      while (i < drl.length() && Character.isJavaIdentifierPart(drl.charAt(i))) {
        i++;
      }
      String word = drl.substring(start, i);
      boolean field = lastSignificant != '.';
      int depth = patternTypes.size();
      String patternType = patternType();
      if (depth == 0 && word.equals("package") && packageName.isEmpty()) {
        packageName = packageNameAt(i);
      } else if (depth == 0 && word.equals("when")) {
        inConditions = true;
      } else if (depth == 0 && word.equals("then")) {
        inConditions = false;
      } else if (inConditions && depth > 0 && field && RESERVED.contains(word)
          && TYPES_WITH_RESERVED_FIELDS.containsKey(patternType)) {
        functions.add(function(word, TYPES_WITH_RESERVED_FIELDS.get(patternType)));
        out.append(functionName(word, patternType)).append("(this)");
        lastIdentifier = word;
        lastSignificant = ')';
        return;
      }
      out.append(word);
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
