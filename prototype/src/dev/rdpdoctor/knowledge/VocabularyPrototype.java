package dev.rdpdoctor.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rdpdoctor.casefile.CaseFile;
import dev.rdpdoctor.casefile.CaseFileReader;
import dev.rdpdoctor.casefile.Fact;
import dev.rdpdoctor.casefile.vocabulary.Vocabulary;
import dev.rdpdoctor.casefile.vocabulary.VocabularyCodec;
import dev.rdpdoctor.casefile.vocabulary.VocabularyReader;
import dev.rdpdoctor.yaml.StrictYamlReader;
import dev.rdpdoctor.yaml.YamlDocument;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.kie.api.KieBase;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;

/**
 * Prototype and measurements for the vocabulary design (docs/vocabulary-design.md): the facts
 * as Drools-declared types generated from rules/vocabulary, against today's Java records.
 *
 * <pre>
 * compile-model records|declared      executable-model compile of the bundled rules
 * compile-drl records|declared        plain DRL compile of the bundled rules
 * precompile-declared DIR             the declared variant's executable model, as class files
 * equivalence                         every sample fires the same rules either way (executable model)
 * equivalence-drl                     the same, both compiled by the plain DRL path
 * cold records|declared|declared-bin SAMPLE   one case from a cold start: load, read, insert, fire
 *                                     (declared-bin: the vocabulary from its binary form, not YAML)
 * session records|declared ROUNDS     warm: reading a case into facts, and a session, per case
 * reading ROUNDS                      warm: where the time of reading a case goes, step by step, either way
 * compile-drl-parts                   where the plain DRL path's extra goes: in one JVM, each compile after a warm-up
 * symptom-doc                         docs/symptom-file.md's tables from the vocabulary, and how many rows match today's
 * javac-records                       the alternative: the types as Java records, compiled by javac in memory
 * </pre>
 */
public final class VocabularyPrototype {

  static final Path RULES = Path.of("rules");
  static final Path VOCABULARY = RULES.resolve(VocabularyReader.FOLDER);
  static final String DECLARED_MODELS = "/prototype/declared-models.txt";
  /** The checked vocabulary in binary, as a compiled knowledge base would carry it. */
  static final String VOCABULARY_BIN = "/prototype/vocabulary.bin";
  static final Clock CLOCK = Clock.fixed(java.time.Instant.parse("2026-11-20T12:00:00Z"), ZoneOffset.UTC);

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "compile-model" -> compileModel(args[1]);
      case "compile-drl" -> compileDrl(args[1]);
      case "precompile-declared" -> precompileDeclared(Path.of(args[1]));
      case "equivalence" -> equivalence(recordsKieBase(), declaredKieBase());
      case "equivalence-drl" -> equivalence(
          new RuleCompiler().compile(RuleFiles.read(RULES).drl(), Map.of(), true).kieBase(),
          new RuleCompiler().compile(declaredDrl(false), Map.of(), true).kieBase());
      case "cold" -> cold(args[1], Path.of(args[2]));
      case "javac-records" -> javacRecords();
      case "reading" -> reading(Integer.parseInt(args[1]));
      case "symptom-doc" -> symptomDoc();
      case "compile-drl-parts" -> compileDrlParts();
      case "session" -> session(args[1], Integer.parseInt(args[2]));
      default -> throw new IllegalArgumentException(args[0]);
    }
  }

  static Vocabulary vocabulary() {
    return new VocabularyReader().read(VOCABULARY, "rules/vocabulary");
  }

  static Map<String, String> declaredDrl(boolean forModel) {
    Map<String, String> drl = new LinkedHashMap<>();
    drl.put("facts/declared.drl", DeclaredTypes.drl(vocabulary()));
    Map<String, String> rules = RuleFiles.read(RULES).drl();
    drl.putAll(forModel ? RulesForDeclaredTypes.rewriteForModel(rules) : RulesForDeclaredTypes.rewrite(rules));
    return drl;
  }

  private static double cpuSeconds() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
  }

  private static void compileModel(String variant) {
    Map<String, String> drl = variant.equals("records") ? RuleFiles.read(RULES).drl() : declaredDrl(true);
    vocabulary(); // both: YAML is read (as rules check reads the catalogs), so only the compile is timed
    double cpu0 = cpuSeconds();
    long t0 = System.nanoTime();
    ModelCompiler.Compiled c = variant.equals("records")
        ? new ModelCompiler().compile(drl)
        : PrototypeModelCompiler.compile(drl);
    System.out.printf("compile-model %s: %s, %d classes, wall %.2f s, cpu %.2f s%n", variant,
        c.succeeded() ? "ok" : c.problems(), c.classFiles().size(), (System.nanoTime() - t0) / 1e9, cpuSeconds() - cpu0);
  }

  private static void compileDrl(String variant) {
    Map<String, String> drl = variant.equals("records") ? RuleFiles.read(RULES).drl() : declaredDrl(false);
    vocabulary(); // both: YAML is read (as rules check reads the catalogs), so only the compile is timed
    double cpu0 = cpuSeconds();
    long t0 = System.nanoTime();
    RuleCompiler.Compiled c = new RuleCompiler().compile(drl, Map.of(), true);
    System.out.printf("compile-drl %s: %d errors, wall %.2f s, cpu %.2f s%n", variant, c.errors().size(),
        (System.nanoTime() - t0) / 1e9, cpuSeconds() - cpu0);
    c.errors().stream().limit(5).forEach(e -> System.out.println(e.format()));
  }

  private static void precompileDeclared(Path out) throws Exception {
    ModelCompiler.Compiled c = PrototypeModelCompiler.compile(declaredDrl(true));
    if (!c.succeeded()) {
      throw new IllegalStateException(c.problems().toString());
    }
    for (Map.Entry<String, byte[]> e : c.classFiles().entrySet()) {
      Path file = out.resolve(e.getKey().replace('.', '/') + ".class");
      Files.createDirectories(file.getParent());
      Files.write(file, e.getValue());
    }
    Path list = out.resolve(DECLARED_MODELS.substring(1));
    Files.createDirectories(list.getParent());
    Files.writeString(list, String.join("\n", c.modelClasses()) + "\n");
    Files.write(out.resolve(VOCABULARY_BIN.substring(1)), VocabularyCodec.write(vocabulary()));
    System.out.println("precompiled " + c.classFiles().size() + " classes into " + out);
  }

  /** Today's bundled rules, precompiled at build time, from the class path. */
  static KieBase recordsKieBase() throws Exception {
    CompiledKnowledge k = CompiledKnowledgeLoader.readBundled().orElseThrow();
    return ModelKieBase.assemble(k.modelClasses(), VocabularyPrototype.class.getClassLoader());
  }

  /**
   * The declared variant, precompiled by {@code precompile-declared}: from the class path, where it
   * must come before the jar (its rule classes have the bundled ones' names), or, with the system
   * property {@code declared.dir}, from that folder through its own class loader, so that both
   * variants can run in one process.
   */
  static KieBase declaredKieBase() throws Exception {
    String dir = System.getProperty("declared.dir");
    if (dir != null) {
      Path root = Path.of(dir);
      Map<String, byte[]> classes = new LinkedHashMap<>();
      try (Stream<Path> files = Files.walk(root)) {
        for (Path p : (Iterable<Path>) files::iterator) {
          String rel = root.relativize(p).toString();
          if (rel.endsWith(".class")) {
            classes.put(rel.substring(0, rel.length() - ".class".length()).replace('/', '.'), Files.readAllBytes(p));
          }
        }
      }
      List<String> models = Files.readString(root.resolve(DECLARED_MODELS.substring(1))).lines().filter(l -> !l.isBlank()).toList();
      return ModelKieBase.assemble(models, new ModelClassLoader(classes, VocabularyPrototype.class.getClassLoader()));
    }
    try (InputStream in = VocabularyPrototype.class.getResourceAsStream(DECLARED_MODELS)) {
      List<String> models = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
      return ModelKieBase.assemble(models, VocabularyPrototype.class.getClassLoader());
    }
  }

  /** A case read the vocabulary's way: its values, then its facts. */
  record Declared(Vocabulary vocabulary, StrictYamlReader yaml, FactBuilder builder) {

    List<Fact> facts(String name, byte[] bytes) {
      YamlDocument<JsonNode> doc = yaml.read(name, bytes, JsonNode.class);
      CaseValues values = new CaseValues(vocabulary, doc.sourceMap());
      return builder.facts(values.read(doc.value(), LocalDate.now(CLOCK)));
    }
  }

  static Declared declared(KieBase kieBase, FactBuilder.Via via) throws Exception {
    return declared(kieBase, vocabulary(), via);
  }

  static Declared declared(KieBase kieBase, Vocabulary v, FactBuilder.Via via) throws Exception {
    return new Declared(v, new StrictYamlReader(), new FactBuilder(kieBase, v, via));
  }

  /** The vocabulary as the compiled knowledge base would carry it. */
  static Vocabulary compiledVocabulary() throws Exception {
    try (InputStream in = VocabularyPrototype.class.getResourceAsStream(VOCABULARY_BIN)) {
      return VocabularyCodec.read(in.readAllBytes());
    }
  }

  /** The rules that fire on these facts, by name. */
  static List<String> fire(KieBase kieBase, List<Fact> facts) {
    KieSession session = kieBase.newKieSession();
    List<String> fired = new ArrayList<>();
    session.addEventListener(new DefaultAgendaEventListener() {
      @Override
      public void afterMatchFired(AfterMatchFiredEvent event) {
        fired.add(event.getMatch().getRule().getName());
      }
    });
    try {
      for (Fact f : facts) {
        session.insert(f.value());
      }
      session.fireAllRules(10_000);
    } finally {
      session.dispose();
    }
    return fired;
  }

  static List<Path> samples() throws Exception {
    try (Stream<Path> files = Files.list(Path.of("facts-samples"))) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  private static void equivalence(KieBase records, KieBase declaredBase) throws Exception {
    Declared declared = declared(declaredBase, FactBuilder.Via.FACT_TYPE);
    CaseFileReader reader = new CaseFileReader(CLOCK);
    int same = 0;
    int firings = 0;
    List<String> different = new ArrayList<>();
    for (Path sample : samples()) {
      CaseFile c = reader.read(sample);
      List<String> a = fire(records, c.facts());
      List<Fact> facts = declared.facts(sample.toString(), Files.readAllBytes(sample));
      List<String> b = fire(declaredBase, facts);
      List<String> paths = c.facts().stream().map(Fact::path).toList();
      List<String> paths2 = facts.stream().map(Fact::path).toList();
      if (new TreeSet<>(a).equals(new TreeSet<>(b)) && a.size() == b.size() && paths.equals(paths2)) {
        same++;
        firings += a.size();
      } else {
        different.add(sample + ": records " + new TreeSet<>(a) + " " + paths + ", declared " + new TreeSet<>(b) + " " + paths2);
      }
    }
    Vocabulary v = vocabulary();
    Vocabulary decoded = VocabularyCodec.read(VocabularyCodec.write(v));
    System.out.println("the vocabulary reads back from its binary form: " + decoded.places().equals(v.places()));
    System.out.println("equivalence: " + same + " samples fire the same " + firings + " rules on the same facts; "
        + different.size() + " differ");
    different.forEach(System.out::println);
  }

  private static void cold(String variant, Path sample) throws Exception {
    long t0 = System.nanoTime();
    byte[] bytes = Files.readAllBytes(sample);
    List<String> fired;
    long loaded;
    long vocabulary;
    long read;
    if (variant.equals("records")) {
      KieBase kb = recordsKieBase();
      loaded = System.nanoTime();
      vocabulary = loaded;
      List<Fact> facts = new CaseFileReader(CLOCK).read(sample.toString(), bytes).facts();
      read = System.nanoTime();
      fired = fire(kb, facts);
    } else {
      KieBase kb = declaredKieBase();
      loaded = System.nanoTime();
      Declared d = declared(kb, variant.equals("declared-bin") ? compiledVocabulary() : vocabulary(), FactBuilder.Via.FACT_TYPE);
      vocabulary = System.nanoTime();
      List<Fact> facts = d.facts(sample.toString(), bytes);
      read = System.nanoTime();
      fired = fire(kb, facts);
    }
    long done = System.nanoTime();
    System.out.printf("cold %s: %d rules fired; load rules %.0f ms, read the vocabulary %.0f ms, read the case into facts %.0f ms,"
        + " session %.0f ms%n", variant, fired.size(), (loaded - t0) / 1e6, (vocabulary - loaded) / 1e6, (read - vocabulary) / 1e6,
        (done - read) / 1e6);
  }

  private static void reading(int rounds) throws Exception {
    List<Path> samples = samples();
    List<byte[]> bytes = new ArrayList<>();
    for (Path p : samples) {
      bytes.add(Files.readAllBytes(p));
    }
    KieBase kb = declaredKieBase();
    Vocabulary v = vocabulary();
    StrictYamlReader yaml = new StrictYamlReader();
    FactBuilder viaFactType = new FactBuilder(kb, v, FactBuilder.Via.FACT_TYPE);
    FactBuilder viaHandles = new FactBuilder(kb, v, FactBuilder.Via.METHOD_HANDLE);
    CaseFileReader reader = new CaseFileReader(CLOCK);
    java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long[] cpu = new long[6];
    for (int round = 0; round < rounds + 3; round++) {
      boolean counted = round >= 3;
      for (int i = 0; i < samples.size(); i++) {
        String name = samples.get(i).toString();
        long a = threads.getCurrentThreadCpuTime();
        reader.read(name, bytes.get(i));
        long b = threads.getCurrentThreadCpuTime();
        yaml.read(name, bytes.get(i), dev.rdpdoctor.casefile.SymptomFile.class);
        long c = threads.getCurrentThreadCpuTime();
        YamlDocument<JsonNode> doc = yaml.read(name, bytes.get(i), JsonNode.class);
        long d = threads.getCurrentThreadCpuTime();
        CaseValues.Section root = new CaseValues(v, doc.sourceMap()).read(doc.value(), LocalDate.now(CLOCK));
        long e = threads.getCurrentThreadCpuTime();
        viaFactType.facts(root);
        long f = threads.getCurrentThreadCpuTime();
        viaHandles.facts(root);
        long g = threads.getCurrentThreadCpuTime();
        if (counted) {
          cpu[0] += b - a;
          cpu[1] += c - b;
          cpu[2] += d - c;
          cpu[3] += e - d;
          cpu[4] += f - e;
          cpu[5] += g - f;
        }
      }
    }
    double n = (double) rounds * samples.size() * 1e3;
    System.out.printf("reading, cpu us/case: records: all %.1f (of which YAML into records %.1f, so the interpreter %.1f);"
        + " declared: YAML into a tree %.1f, values from the vocabulary %.1f, facts by FactType.set %.1f, by method handles %.1f%n",
        cpu[0] / n, cpu[1] / n, (cpu[0] - cpu[1]) / n, cpu[2] / n, cpu[3] / n, cpu[4] / n, cpu[5] / n);
  }

  private static void compileDrlParts() {
    Map<String, String> records = RuleFiles.read(RULES).drl();
    Map<String, String> declared = declaredDrl(false);
    Map<String, String> declaresOnly = Map.of("facts/declared.drl", declared.get("facts/declared.drl"));
    for (int round = 0; round < 3; round++) {
      StringBuilder line = new StringBuilder("round " + round + ", cpu s:");
      for (var step : List.of(Map.entry("records", records), Map.entry("declares only", declaresOnly),
          Map.entry("declared", declared))) {
        double c0 = cpuSeconds();
        RuleCompiler.Compiled c = new RuleCompiler().compile(step.getValue(), Map.of(), true);
        line.append(String.format(" %s %.2f%s;", step.getKey(), cpuSeconds() - c0, c.errors().isEmpty() ? "" : " (errors)"));
      }
      System.out.println(line);
    }
  }

  private static void symptomDoc() throws Exception {
    String generated = SymptomFileDoc.tables(vocabulary());
    Files.writeString(Path.of("prototype/target/symptom-file-tables.md"), generated);
    String today = Files.readString(Path.of("docs/symptom-file.md"));
    List<String> rows = generated.lines().filter(l -> l.startsWith("| `")).toList();
    List<String> differ = rows.stream().filter(r -> !today.contains(r)).toList();
    System.out.println("symptom-doc: " + (rows.size() - differ.size()) + " of " + rows.size()
        + " generated rows are in docs/symptom-file.md word for word; the others:");
    differ.forEach(System.out::println);
  }

  private static void javacRecords() {
    double cpu0 = cpuSeconds();
    long t0 = System.nanoTime();
    Vocabulary v = vocabulary();
    long t1 = System.nanoTime();
    Map<String, byte[]> classes = GeneratedRecords.compile(GeneratedRecords.sources(v));
    System.out.printf("javac-records: %d classes; vocabulary %.2f s, javac wall %.2f s, cpu (all) %.2f s%n", classes.size(),
        (t1 - t0) / 1e9, (System.nanoTime() - t1) / 1e9, cpuSeconds() - cpu0);
  }

  private static void session(String variant, int rounds) throws Exception {
    List<Path> samples = samples();
    List<byte[]> bytes = new ArrayList<>();
    for (Path p : samples) {
      bytes.add(Files.readAllBytes(p));
    }
    KieBase kb = variant.equals("records") ? recordsKieBase() : declaredKieBase();
    Declared declared = variant.equals("records") ? null
        : declared(kb, variant.equals("declared-mh") ? FactBuilder.Via.METHOD_HANDLE : FactBuilder.Via.FACT_TYPE);
    CaseFileReader reader = new CaseFileReader(CLOCK);
    List<List<Fact>> facts = new ArrayList<>();
    for (int round = 0; round < 2; round++) { // warm-up
      facts.clear();
      for (int i = 0; i < samples.size(); i++) {
        List<Fact> f = declared == null ? reader.read(samples.get(i).toString(), bytes.get(i)).facts()
            : declared.facts(samples.get(i).toString(), bytes.get(i));
        facts.add(f);
        fire(kb, f);
      }
    }
    int cases = rounds * samples.size();
    java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long c0 = threads.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    for (int r = 0; r < rounds; r++) {
      for (int i = 0; i < samples.size(); i++) {
        if (declared == null) {
          reader.read(samples.get(i).toString(), bytes.get(i));
        } else {
          declared.facts(samples.get(i).toString(), bytes.get(i));
        }
      }
    }
    long c1 = threads.getCurrentThreadCpuTime();
    long t1 = System.nanoTime();
    for (int r = 0; r < rounds; r++) {
      for (List<Fact> f : facts) {
        fire(kb, f);
      }
    }
    long c2 = threads.getCurrentThreadCpuTime();
    long t2 = System.nanoTime();
    System.out.printf("session %s: %d cases; reading into facts %.1f us/case (cpu %.1f); new session, insert, fire, dispose"
        + " %.1f us/case (cpu %.1f)%n", variant, cases, (t1 - t0) / 1e3 / cases, (c1 - c0) / 1e3 / cases,
        (t2 - t1) / 1e3 / cases, (c2 - c1) / 1e3 / cases);
  }
}
