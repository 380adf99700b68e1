package dev.rdpdoctor.knowledge;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prototype: the bundled DRL as it would read against declared types, by mechanical edits that
 * keep every line where it was: imports name the declared package; a record helper
 * ({@code mentions("x")}) becomes a function of the field it reads ({@code mentions(text, "x")}),
 * imported on the package line. For the executable model only, {@code when} (a field of
 * ErrorReport its parser reserves) is read through a generated function, as
 * {@link ModelSource} does for the records.
 */
final class RulesForDeclaredTypes {

  private static final Pattern IMPORT = Pattern.compile("import\\s+dev\\.rdpdoctor\\.casefile\\.(\\w+)\\s*;");
  private static final Pattern MENTIONS = Pattern.compile("(?<![\\w.])mentions\\(\\s*\"");
  private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+)\\s*;");
  private static final Pattern WHEN = Pattern.compile("(?<=ErrorReport\\([^)]{0,300})(?<![\\w.])when(?=\\s*[=!])");

  private RulesForDeclaredTypes() {}

  /** For the plain DRL path. */
  static Map<String, String> rewrite(Map<String, String> drlByPath) {
    Map<String, String> out = new LinkedHashMap<>();
    drlByPath.forEach((path, drl) -> out.put(path, rewrite(drl)));
    return out;
  }

  private static String rewrite(String drl) {
    String text = IMPORT.matcher(drl).replaceAll("import " + DeclaredTypes.PACKAGE + ".$1;");
    if (MENTIONS.matcher(text).find()) {
      text = MENTIONS.matcher(text).replaceAll("mentions(text, \"");
      text = PACKAGE.matcher(text).replaceFirst("$0 import function dev.rdpdoctor.knowledge.FactFunctions.mentions;");
    }
    return text;
  }

  /** For the executable model: also reads {@code when} through a function, one file of them per package. */
  static Map<String, String> rewriteForModel(Map<String, String> drlByPath) {
    Map<String, String> out = new LinkedHashMap<>();
    TreeSet<String> packages = new TreeSet<>();
    drlByPath.forEach((path, drl) -> {
      String text = rewrite(drl);
      Matcher when = WHEN.matcher(text);
      if (when.find()) {
        text = when.replaceAll("whenOf_ErrorReport(this)");
        Matcher pkg = PACKAGE.matcher(text);
        packages.add(pkg.find() ? pkg.group(1) : "");
      }
      out.put(path, text);
    });
    for (String pkg : packages) {
      out.put("rdp-doctor-generated/" + pkg + "/field-functions.drl", "package " + pkg + ";\n"
          + "function " + DeclaredTypes.PACKAGE + ".ErrorTiming whenOf_ErrorReport(" + DeclaredTypes.PACKAGE
          + ".ErrorReport fact) { return fact.getWhen(); }\n");
    }
    return out;
  }
}
