package dev.rdpdoctor.ruletools;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.rdpdoctor.casefile.FactTypes;
import dev.rdpdoctor.casefile.SymptomSchema;
import dev.rdpdoctor.knowledge.Inspection;
import dev.rdpdoctor.knowledge.load.KnowledgeLoader;
import dev.rdpdoctor.knowledge.PatternInfo;
import dev.rdpdoctor.knowledge.Question;
import dev.rdpdoctor.knowledge.QuestionCatalog;
import dev.rdpdoctor.knowledge.RuleInfo;
import dev.rdpdoctor.problem.InputError;
import dev.rdpdoctor.yaml.SourceMap;
import dev.rdpdoctor.yaml.Suggestions;
import dev.rdpdoctor.yaml.YamlDocument;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Lints {@code questions.yaml}: every question names a real symptom-file key and can be
 * answered, and every fact a rule reads can be asked or is found by the probe.
 */
final class QuestionLinter {

  private static final PropertyNamingStrategies.SnakeCaseStrategy SNAKE =
      new PropertyNamingStrategies.SnakeCaseStrategy();

  void lint(Inspection in, List<InputError> out) {
    Optional<YamlDocument<QuestionCatalog>> doc = in.questionCatalog();
    if (doc.isEmpty()) {
      if (in.errors().stream().anyMatch(e -> e.file().endsWith(KnowledgeLoader.QUESTIONS))) {
        return; // it is there but unreadable: that error is reported already
      }
      out.add(InputError.warning(in.origin() + "/" + KnowledgeLoader.QUESTIONS, 1, 1,
          "no " + KnowledgeLoader.QUESTIONS + ": the consultation has nothing to ask"));
      return;
    }
    SourceMap map = doc.get().sourceMap();
    List<Question> questions = doc.get().value().questions();
    Set<String> asked = new HashSet<>();
    for (int i = 0; i < questions.size(); i++) {
      Question q = questions.get(i);
      String at = "questions[" + i + "]";
      Optional<SymptomSchema.Slot> slot = SymptomSchema.slot(q.fact());
      if (slot.isEmpty()) {
        String hint = Suggestions.closest(q.fact(), SymptomSchema.all().keySet()).map(s -> " did you mean '" + s + "'?").orElse("");
        out.add(map.errorAt(at + ".fact", "question about '" + q.fact() + "': no such key in a symptom file;" + hint));
        continue;
      }
      Class<?> type = slot.get().type();
      boolean derivable = type == Boolean.class || type.isEnum();
      if (q.answers().isEmpty() && !derivable) {
        out.add(map.errorAt(at + ".fact", "question about '" + q.fact() + "' needs its 'answers': the values a user can give"));
      }
      for (String required : q.requires().keySet()) {
        if (SymptomSchema.slot(required).isEmpty()) {
          out.add(map.errorAt(at + ".requires", "question about '" + q.fact() + "' requires '" + required + "', which is no key in a symptom file"));
        }
      }
      asked.add(q.fact());
    }
    for (RuleInfo rule : in.rules()) {
      for (PatternInfo p : rule.patterns()) {
        Optional<Class<? extends Record>> type = FactTypes.bySimpleName(p.type().substring(p.type().lastIndexOf('.') + 1));
        if (type.isEmpty()) {
          continue;
        }
        String section = FactTypes.pathOf(type.get());
        for (String field : p.fields()) {
          if (RuleLinter.unknownField(type.get(), field).isPresent()) {
            continue; // reported as a field that does not exist
          }
          String path = FactTypes.LISTED.contains(type.get()) ? section : section + "." + SNAKE.translate(field.split("\\.")[0].replace("()", ""));
          if (!path.startsWith("probe.") && !asked.contains(path)) {
            out.add(InputError.error(rule.file(), p.line(), 1, "rule '" + rule.name() + "' reads " + path
                + ", which no question in " + KnowledgeLoader.QUESTIONS + " asks and the probe does not find"));
          }
        }
      }
    }
  }
}
