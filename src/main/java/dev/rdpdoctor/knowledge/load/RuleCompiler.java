package dev.rdpdoctor.knowledge.load;

import dev.rdpdoctor.problem.InputError;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.drools.compiler.builder.InternalKnowledgeBuilder;
import org.drools.compiler.compiler.DescrBuildError;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.ParserError;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderConfiguration;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

/**
 * Compiles DRL with the plain DRL path, which locates every error by file, line and column.
 * Consequences use the MVEL dialect: they are at most an {@code insertLogical(...)}, and MVEL
 * checks them without a Java compile per rule, which halves the start-up compile.
 *
 * <p>The fact types declared from the vocabulary ({@link DeclaredTypes}) are compiled first. When
 * they are the ones the build precompiled, Drools takes the class path's classes for them;
 * otherwise those are hidden ({@link FactsHidingClassLoader}) and Drools makes the folder's own.
 * The knowledge base is made with the builder's class loader, which defines them.
 */
final class RuleCompiler {

  record Compiled(KieBase kieBase, List<InputError> errors) {}

  /**
   * The fact types a folder's vocabulary declares, as DRL.
   *
   * @param shownAs where an error in them is reported: the vocabulary folder
   */
  record Declarations(String drl, String shownAs) {}

  /**
   * @param declarations the fact types, compiled before the rules; empty when the vocabulary
   *     could not be read (the rules are then compiled alone, to find their own errors)
   * @param drlByFile DRL source by the file name shown to the user, in load order
   * @param consequenceLines where each rule's {@code then} part starts, by file and rule line
   * @param buildKieBase false when only the errors are wanted
   */
  Compiled compile(Optional<Declarations> declarations, Map<String, String> drlByFile,
      Map<String, Map<Integer, Integer>> consequenceLines, boolean buildKieBase) {
    // the class path's fact classes when they are these declarations' own; else they are hidden
    ClassLoader classes = declarations.isPresent() && BundledVocabulary.declares(declarations.get().drl())
        ? RuleCompiler.class.getClassLoader() : FactsHidingClassLoader.ofTool();
    KnowledgeBuilderConfiguration configuration = KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(null, classes);
    configuration.setProperty("drools.dialect.default", "mvel");
    KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(configuration);
    declarations.ifPresent(d -> builder.add(
        ResourceFactory.newByteArrayResource(d.drl().getBytes(StandardCharsets.UTF_8)).setSourcePath(d.shownAs()),
        ResourceType.DRL));
    drlByFile.forEach(
        (file, drl) ->
            builder.add(
                ResourceFactory.newByteArrayResource(drl.getBytes(StandardCharsets.UTF_8))
                    .setSourcePath(file),
                ResourceType.DRL));
    List<InputError> errors = new ArrayList<>();
    List<InputError> consequential = new ArrayList<>();
    for (KnowledgeBuilderError error : builder.getErrors()) {
      String message = error.getMessage();
      if (message != null && message.contains("Parser returned a null Package")) {
        continue; // follows a parse error that is already reported
      }
      String file = error.getResource() == null ? "(rules)" : error.getResource().getSourcePath();
      if (declarations.isPresent() && file.equals(declarations.get().shownAs())) {
        // a name the vocabulary reader lets through and DRL does not: its lines are not the user's
        errors.add(InputError.error(file, 1, 1, "the fact types declared from the vocabulary do not compile: "
            + DrlMessages.clean(message)));
        continue;
      }
      int line = error.getLines().length > 0 ? error.getLines()[0] : 1;
      int column = 1;
      if (error instanceof ParserError p) {
        column = p.getCol() + 1;
      } else if (error instanceof DescrBuildError d && d.getDescr() != null) {
        column = Math.max(d.getDescr().getColumn(), 0) + 1;
        line = line > 0 ? line : d.getDescr().getLine();
        if (d.getDescr() instanceof RuleDescr) {
          // an error in the consequence: point at its `then`, not at the rule's first line
          Integer then = consequenceLines.getOrDefault(file, Map.of()).get(line);
          if (then != null) {
            line = then;
            column = 1;
          }
        }
      }
      errors.add(InputError.error(file, line, column, DrlMessages.clean(message)));
      if (DrlMessages.consequential(message)) {
        consequential.add(errors.get(errors.size() - 1));
      }
    }
    // Drools' internal failure after an unresolved constraint: the constraint's error says it all
    for (InputError e : consequential) {
      if (errors.stream().anyMatch(other -> !consequential.contains(other) && other.file().equals(e.file()))) {
        errors.remove(e);
      }
    }
    return new Compiled(errors.isEmpty() && buildKieBase ? kieBase(builder) : null, errors);
  }

  /**
   * The knowledge base of a build without errors, made with the builder's class loader: the
   * default one would look the declared fact types up on the class path, and find the bundled
   * rules' precompiled ones there instead.
   */
  private static KieBase kieBase(KnowledgeBuilder builder) {
    ClassLoader classes = ((InternalKnowledgeBuilder) builder).getRootClassLoader();
    InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase(
        KieServices.get().newKieBaseConfiguration(null, classes));
    kieBase.addPackages(builder.getKnowledgePackages());
    return kieBase;
  }
}
