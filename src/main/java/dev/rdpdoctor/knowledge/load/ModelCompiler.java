package dev.rdpdoctor.knowledge.load;

import dev.rdpdoctor.casefile.vocabulary.Vocabulary;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;

/**
 * Compiles DRL into Drools' executable model: Java classes that build the rules without
 * parsing or compiling anything at start-up. Slower to compile than the plain DRL path, and it
 * reports only the first error, unlocated; callers fall back to {@link RuleCompiler} for errors.
 */
final class ModelCompiler {

  /** Where the generated kjar lists its model classes. */
  private static final String MODEL_LIST_SUFFIX = "/drools-model";

  /** A class describing the kjar as a project; nothing here uses it. */
  private static final String PROJECT_MODEL = "org/drools/project/model/";

  /**
   * The outcome: the model classes and every generated class file, or what went wrong.
   *
   * @param modelClasses the names of the classes implementing {@code org.drools.model.Model}
   * @param classFiles class file bytes by binary class name
   */
  record Compiled(List<String> modelClasses, Map<String, byte[]> classFiles, List<String> problems) {

    boolean succeeded() {
      return problems.isEmpty();
    }
  }

  /**
   * @param drlByPath DRL text by path relative to the rules folder
   * @param vocabulary the folder's vocabulary: its fact types ({@link DeclaredTypes}) are compiled
   *     with the rules, with the class path's precompiled ones hidden, and come out as classes of
   *     their own ({@code facts.RdpSettings})
   */
  Compiled compile(Map<String, String> drlByPath, Vocabulary vocabulary) {
    KieServices ks = KieServices.Factory.get();
    KieFileSystem kfs = ks.newKieFileSystem();
    kfs.write("src/main/resources/" + DeclaredTypes.RESOURCE, DeclaredTypes.drl(vocabulary));
    ModelSource.prepare(drlByPath, vocabulary).forEach((path, drl) -> kfs.write("src/main/resources/" + path, drl));
    KieBuilder builder;
    try {
      builder = ks.newKieBuilder(kfs, FactsHidingClassLoader.ofTool()).buildAll(ExecutableModelProject.class);
    } catch (RuntimeException e) {
      // the generator throws on some constructs instead of reporting them
      return failed("the executable model cannot be generated: " + e);
    }
    List<String> problems = new ArrayList<>();
    for (Message m : builder.getResults().getMessages(Message.Level.ERROR)) {
      problems.add((m.getPath() == null ? "" : m.getPath() + ": ") + m.getText().lines().findFirst().orElse(""));
    }
    if (!problems.isEmpty()) {
      return new Compiled(List.of(), Map.of(), problems);
    }
    InternalKieModule module = (InternalKieModule) builder.getKieModule();
    List<String> models = new ArrayList<>();
    Map<String, byte[]> classes = new TreeMap<>();
    for (String name : module.getFileNames()) {
      if (name.endsWith(".class") && !name.startsWith(PROJECT_MODEL)) {
        classes.put(name.substring(0, name.length() - ".class".length()).replace('/', '.'), module.getBytes(name));
      } else if (name.endsWith(MODEL_LIST_SUFFIX)) {
        new String(module.getBytes(name), StandardCharsets.UTF_8).lines()
            .map(String::strip)
            .filter(l -> !l.isEmpty() && !l.contains(":"))
            .forEach(models::add);
      }
    }
    if (models.isEmpty()) {
      return failed("the executable model lists no model classes");
    }
    return new Compiled(List.copyOf(models), classes, List.of());
  }

  private static Compiled failed(String problem) {
    return new Compiled(List.of(), Map.of(), List.of(problem));
  }
}
