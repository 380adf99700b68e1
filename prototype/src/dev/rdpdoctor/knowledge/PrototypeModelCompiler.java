package dev.rdpdoctor.knowledge;

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

/** Prototype: {@link ModelCompiler} without its rewrite of {@code when}, for DRL given as is. */
final class PrototypeModelCompiler {

  private PrototypeModelCompiler() {}

  static ModelCompiler.Compiled compile(Map<String, String> drlByPath) {
    KieServices ks = KieServices.Factory.get();
    KieFileSystem kfs = ks.newKieFileSystem();
    drlByPath.forEach((path, drl) -> kfs.write("src/main/resources/" + path, drl));
    KieBuilder builder = ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
    List<String> problems = new ArrayList<>();
    for (Message m : builder.getResults().getMessages(Message.Level.ERROR)) {
      problems.add((m.getPath() == null ? "" : m.getPath() + ": ") + m.getText().lines().findFirst().orElse(""));
    }
    if (!problems.isEmpty()) {
      return new ModelCompiler.Compiled(List.of(), Map.of(), problems);
    }
    InternalKieModule module = (InternalKieModule) builder.getKieModule();
    List<String> models = new ArrayList<>();
    Map<String, byte[]> classes = new TreeMap<>();
    for (String name : module.getFileNames()) {
      if (name.endsWith(".class") && !name.startsWith("org/drools/project/model/")) {
        classes.put(name.substring(0, name.length() - ".class".length()).replace('/', '.'), module.getBytes(name));
      } else if (name.endsWith("/drools-model")) {
        new String(module.getBytes(name), StandardCharsets.UTF_8).lines().map(String::strip)
            .filter(l -> !l.isEmpty() && !l.contains(":")).forEach(models::add);
      }
    }
    return new ModelCompiler.Compiled(List.copyOf(models), classes, List.of());
  }
}
