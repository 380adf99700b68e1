package dev.rdpdoctor.knowledge.load;

import dev.rdpdoctor.casefile.vocabulary.Vocabulary;
import dev.rdpdoctor.knowledge.Cause;
import dev.rdpdoctor.knowledge.CodeMeaning;
import dev.rdpdoctor.knowledge.Question;
import dev.rdpdoctor.knowledge.RuleInfo;
import dev.rdpdoctor.knowledge.Source;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A knowledge base compiled ahead of use: the executable-model classes of its rules, the index
 * of every rule, and the catalogs. It is what the cache keeps and what the jar carries for the
 * bundled rules; it holds no paths of its own, so the same entry serves a folder wherever it is.
 *
 * @param key what it was compiled from
 * @param builtBy the build of the tool and the Drools that compiled it ({@link ToolBuild#keyText()})
 * @param ruleFiles the files it was compiled from, for the bundled rules, so a folder can be
 *     recognised as holding exactly them without hashing it; empty in the cache, where the key
 *     does that
 * @param modelClasses the classes implementing {@code org.drools.model.Model}, one per DRL package
 * @param classFiles the bytes of every generated class by binary name; empty when the classes
 *     are on the class path (the bundled rules)
 * @param rules every rule, with its file relative to the rules folder
 * @param questions the consultation's questions ({@code questions.yaml}), empty without one
 * @param codes what the dialog's codes mean ({@code codes.yaml}), empty without one
 * @param vocabulary the checked vocabulary ({@code vocabulary/*.yaml}), so a start never reads its YAML
 */
record CompiledKnowledge(
    CacheKey key,
    String builtBy,
    Map<String, byte[]> ruleFiles,
    List<String> modelClasses,
    Map<String, byte[]> classFiles,
    List<RuleInfo> rules,
    List<Cause> causes,
    List<Source> sources,
    List<Question> questions,
    List<CodeMeaning> codes,
    Vocabulary vocabulary) {

  public CompiledKnowledge {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(vocabulary, "vocabulary");
    Objects.requireNonNull(builtBy, "builtBy");
    ruleFiles = Map.copyOf(ruleFiles);
    modelClasses = List.copyOf(modelClasses);
    classFiles = Map.copyOf(classFiles);
    rules = List.copyOf(rules);
    causes = List.copyOf(causes);
    sources = List.copyOf(sources);
    questions = List.copyOf(questions);
    codes = List.copyOf(codes);
  }

  /** Whether these are the rules of {@code files}, compiled by {@code build}: the byte-for-byte check of the bundled rules. */
  boolean compiledFrom(RuleFiles files, ToolBuild build) {
    return builtBy.equals(build.keyText()) && files.sameAs(ruleFiles);
  }

  /** The rules' files as the user sees them: {@code shownAs/certificate/expired.drl}. */
  List<RuleInfo> rulesShownAs(String shownAs) {
    return rules.stream()
        .map(r -> new RuleInfo(r.key(), r.id(), r.idDeclared(), r.name(), shownAs + "/" + r.file(), r.line(),
            r.cause(), r.cf(), r.sources(), r.patterns(), r.consequence(), r.consequenceLine()))
        .toList();
  }
}
