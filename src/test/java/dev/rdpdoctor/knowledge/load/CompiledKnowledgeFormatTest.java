package dev.rdpdoctor.knowledge.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rdpdoctor.Fixtures;
import dev.rdpdoctor.casefile.vocabulary.Vocabulary;
import dev.rdpdoctor.knowledge.Cost;
import dev.rdpdoctor.knowledge.KnowledgeBase;
import dev.rdpdoctor.knowledge.Question;
import dev.rdpdoctor.knowledge.RuleInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompiledKnowledgeFormatTest {

  private static CompiledKnowledge sample() {
    KnowledgeBase kb = Fixtures.knowledge();
    RuleFiles files = RuleFiles.read(Fixtures.RULES);
    return new CompiledKnowledge(CacheKey.of(files, ToolBuild.current()), "a build", files.all(),
        List.of("certificate.Rules1", "network.Rules2"),
        Map.of("certificate.Rules1", new byte[] {1, 2, 3}, "network.Rules2", new byte[0]),
        CompiledKnowledgeLoader.relativeRules(List.copyOf(kb.allRules()), "rules"),
        List.copyOf(kb.causes().values()), List.copyOf(kb.sources().values()), kb.questions(), kb.codes(),
        kb.vocabulary());
  }

  @Test
  void everythingReadsBackEqual() throws IOException {
    CompiledKnowledge k = sample();
    CompiledKnowledge back = CompiledKnowledgeFormat.read(CompiledKnowledgeFormat.write(k));
    assertThat(back.key()).isEqualTo(k.key());
    assertThat(back.builtBy()).isEqualTo(k.builtBy());
    assertThat(back.modelClasses()).isEqualTo(k.modelClasses());
    assertThat(back.rules()).isEqualTo(k.rules());
    assertThat(back.causes()).isEqualTo(k.causes());
    assertThat(back.sources()).isEqualTo(k.sources());
    assertThat(k.questions()).isNotEmpty();
    assertThat(back.questions()).isEqualTo(k.questions());
    assertThat(k.codes()).isNotEmpty();
    assertThat(back.codes()).isEqualTo(k.codes());
    assertThat(back.classFiles()).containsOnlyKeys(k.classFiles().keySet());
    assertThat(back.classFiles().get("certificate.Rules1")).containsExactly(1, 2, 3);
    assertThat(RuleFiles.read(Fixtures.RULES).sameAs(back.ruleFiles())).isTrue();
  }

  @Test
  void theVocabularyReadsBackEqualToTheOneReadFromItsYaml() throws IOException {
    CompiledKnowledge k = sample();
    Vocabulary fromYaml = Fixtures.vocabulary();
    assertThat(k.vocabulary()).isEqualTo(fromYaml);
    Vocabulary back = CompiledKnowledgeFormat.read(CompiledKnowledgeFormat.write(k)).vocabulary();
    assertThat(back).isEqualTo(fromYaml);
    assertThat(back.places()).isEqualTo(fromYaml.places());
    assertThat(back.factTypes()).isEqualTo(fromYaml.factTypes());
    assertThat(back.root().name()).isEqualTo("SymptomFile");
    assertThat(back.places()).containsKeys("rdp.nla_required", "events[].id", "probe.tls.certificate.expired");
  }

  @Test
  void aFileOfTheFormerVersionIsNotRead() {
    byte[] file = CompiledKnowledgeFormat.write(sample());
    java.nio.ByteBuffer.wrap(file).putInt("rdp-doctor compiled knowledge\n".length(), 2);
    assertThatThrownBy(() -> CompiledKnowledgeFormat.read(file)).isInstanceOf(IOException.class)
        .hasMessage("compiled knowledge format 2, expected 7");
  }

  @Test
  void aRuleWithoutCauseOrCfReadsBackEqual() throws IOException {
    RuleInfo bare = new RuleInfo("p.r", "r", false, "r", "p/r.drl", 3, java.util.Optional.empty(),
        java.util.Optional.empty(), List.of(), List.of(), "", 5);
    CompiledKnowledge k = new CompiledKnowledge(sample().key(), "b", Map.of(), List.of(), Map.of(), List.of(bare), List.of(), List.of(), List.of(), List.of(),
        Fixtures.vocabulary());
    assertThat(CompiledKnowledgeFormat.read(CompiledKnowledgeFormat.write(k)).rules()).containsExactly(bare);
  }

  @Test
  void everyKindOfAnswerValueReadsBackEqual() throws IOException {
    Map<String, Object> answers = new java.util.LinkedHashMap<>();
    answers.put("yes", Map.of("id", 1058, "big", 1L << 40, "ratio", 0.5, "on", true));
    answers.put("no", null);
    answers.put("both", List.of("a", 2));
    Question q = new Question("events", "Is event 1058 logged?", "Event Viewer", Cost.MEDIUM, answers,
        Map.of("path.kind", List.of("rd-gateway", "avd")));
    CompiledKnowledge k = new CompiledKnowledge(sample().key(), "b", Map.of(), List.of(), Map.of(), List.of(), List.of(),
        List.of(), List.of(q), List.of(), Fixtures.vocabulary());
    assertThat(CompiledKnowledgeFormat.read(CompiledKnowledgeFormat.write(k)).questions()).containsExactly(q);
  }

  @Test
  void aFlippedByteIsDetected() {
    byte[] file = CompiledKnowledgeFormat.write(sample());
    for (int at : new int[] {40, file.length / 3, file.length - 20}) {
      byte[] damaged = file.clone();
      damaged[at] ^= 1;
      assertThatThrownBy(() -> CompiledKnowledgeFormat.read(damaged)).isInstanceOf(IOException.class);
    }
  }

  @Test
  void aFileCutShortOrExtendedIsDetected() {
    byte[] file = CompiledKnowledgeFormat.write(sample());
    assertThatThrownBy(() -> CompiledKnowledgeFormat.read(Arrays.copyOf(file, file.length - 1))).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> CompiledKnowledgeFormat.read(Arrays.copyOf(file, 10))).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> CompiledKnowledgeFormat.read(Arrays.copyOf(file, file.length + 3))).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> CompiledKnowledgeFormat.read(new byte[0])).isInstanceOf(IOException.class);
  }

  @Test
  void anotherFileIsNotTakenForOne() {
    assertThatThrownBy(() -> CompiledKnowledgeFormat.read("rule \"x\" when then end".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IOException.class).hasMessageContaining("not a compiled knowledge file");
  }
}
