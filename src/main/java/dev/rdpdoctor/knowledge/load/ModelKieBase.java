package dev.rdpdoctor.knowledge.load;

import java.util.ArrayList;
import java.util.List;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.KieServices;

/** Builds a KieBase from executable-model classes: no parsing, no compiling. */
final class ModelKieBase {

  private ModelKieBase() {}

  /**
   * @throws ReflectiveOperationException when a model class cannot be loaded or created
   */
  static KieBase assemble(List<String> modelClasses, ClassLoader loader) throws ReflectiveOperationException {
    List<Model> models = new ArrayList<>();
    for (String name : modelClasses) {
      models.add((Model) loader.loadClass(name).getDeclaredConstructor().newInstance());
    }
    return KieBaseBuilder.createKieBaseFromModel(models, KieServices.get().newKieBaseConfiguration(null, loader));
  }
}
