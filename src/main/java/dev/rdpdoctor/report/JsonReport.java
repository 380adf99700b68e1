package dev.rdpdoctor.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rdpdoctor.casefile.CaseFile;
import dev.rdpdoctor.engine.CauseAssessment;
import dev.rdpdoctor.engine.Diagnosis;
import dev.rdpdoctor.engine.Evidence;
import dev.rdpdoctor.engine.Firing;
import dev.rdpdoctor.engine.Finding;
import dev.rdpdoctor.engine.MatchedFact;
import dev.rdpdoctor.knowledge.CodeMeaning;
import dev.rdpdoctor.knowledge.Fix;
import dev.rdpdoctor.knowledge.KnowledgeBase;
import dev.rdpdoctor.knowledge.RuleInfo;
import dev.rdpdoctor.yaml.Spelled;
import dev.rdpdoctor.yaml.YamlMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * The diagnosis as JSON, for scripts. The shape is documented in docs/json-output.md and
 * versioned by its {@code schema} field; fields are added, never renamed or removed, within a
 * version.
 */
public final class JsonReport {

  public static final String SCHEMA = "rdp-doctor/diagnosis/1";

  private final ObjectMapper json = YamlMapper.json();
  private final KnowledgeBase knowledge;
  private final boolean pretty;

  public JsonReport(KnowledgeBase knowledge, boolean pretty) {
    this.knowledge = knowledge;
    this.pretty = pretty;
  }

  public void write(Diagnosis d, Writer out) {
    write(d, List.of(), out);
  }

  public void write(Diagnosis d, List<NextCheck> checks, Writer out) {
    try {
      ObjectNode root = toJson(d);
      ArrayNode next = root.putArray("next_checks");
      for (NextCheck c : checks) {
        ObjectNode n = next.addObject();
        n.put("ask", c.ask());
        n.put("how", c.how());
        n.put("cost", Spelled.spelling(c.cost()));
        ArrayNode sep = n.putArray("separates");
        c.separates().forEach(sep::add);
      }
      out.write(pretty ? json.writerWithDefaultPrettyPrinter().writeValueAsString(root)
          : json.writeValueAsString(root));
      out.write(System.lineSeparator());
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public ObjectNode toJson(Diagnosis d) {
    ObjectNode root = json.createObjectNode();
    root.put("schema", SCHEMA);
    CaseFile c = d.caseFile();
    ObjectNode kase = root.putObject("case");
    kase.put("file", c.source());
    kase.put("title", c.symptoms().title());
    kase.put("observed", c.observed().toString());
    kase.put("error_code", c.error().code() == null ? null : Codes.hex(c.error().code()));
    kase.put("extended_code", c.error().extended() == null ? null : Codes.hex(c.error().extended()));
    kase.put("error_meaning", knowledge.meaning(CodeMeaning.Kind.DISCONNECT, c.error().code()).map(CodeMeaning::means).orElse(null));
    kase.put("extended_meaning", knowledge.meaning(CodeMeaning.Kind.EXTENDED, c.error().extended()).map(CodeMeaning::means).orElse(null));
    ArrayNode conflicts = root.putArray("conflicts");
    c.conflicts().forEach(conflict -> conflicts.addObject()
        .put("path", conflict.path())
        .put("stated", conflict.stated())
        .put("probed", conflict.probed()));
    root.put("knowledge", d.knowledgeOrigin());
    root.put("top", d.top().map(a -> a.cause().id()).orElse(null));
    ArrayNode ranked = root.putArray("ranked");
    for (int i = 0; i < d.ranked().size(); i++) {
      ObjectNode node = assessment(d.ranked().get(i));
      node.put("rank", i + 1);
      ranked.add(node);
    }
    ArrayNode ruledOut = root.putArray("ruled_out");
    d.ruledOut().forEach(a -> ruledOut.add(assessment(a)));
    ArrayNode firings = root.putArray("firings");
    d.firings().forEach(f -> firings.add(firing(f)));
    return root;
  }

  private ObjectNode assessment(CauseAssessment a) {
    ObjectNode node = json.createObjectNode();
    node.put("cause", a.cause().id());
    node.put("title", a.cause().title());
    node.put("cf", round(a.cf()));
    node.put("supporting", round(a.supporting()));
    node.put("opposing", round(a.opposing()));
    ArrayNode fixes = node.putArray("fixes");
    a.cause().fixesInSafeOrder().forEach(f -> fixes.add(fix(f)));
    ArrayNode evidence = node.putArray("evidence");
    for (Evidence e : a.evidence()) {
      ObjectNode ev = rule(e.rule());
      ev.put("cf", e.cf());
      ArrayNode seq = ev.putArray("firings");
      e.firings().forEach(f -> seq.add(f.sequence()));
      evidence.add(ev);
    }
    return node;
  }

  private ObjectNode fix(Fix f) {
    ObjectNode node = json.createObjectNode();
    node.put("id", f.id());
    node.put("title", f.title());
    node.put("risk", Spelled.spelling(f.risk()));
    node.put("restart", Spelled.spelling(f.restart()));
    node.put("test_only", f.isTestOnly());
    ArrayNode steps = node.putArray("steps");
    f.steps().forEach(steps::add);
    node.put("rollback", f.rollback());
    node.put("verify", f.verify());
    node.put("note", f.note());
    ArrayNode sources = node.putArray("sources");
    f.sources().forEach(sources::add);
    return node;
  }

  private ObjectNode rule(RuleInfo r) {
    ObjectNode node = json.createObjectNode();
    node.put("rule", r.id());
    node.put("name", r.name());
    node.put("file", r.file());
    node.put("line", r.line());
    ArrayNode sources = node.putArray("sources");
    for (String id : r.sources()) {
      ObjectNode s = sources.addObject();
      s.put("id", id);
      knowledge.source(id).ifPresent(src -> {
        s.put("title", src.title());
        s.put("where", src.where());
        s.put("reliability", Spelled.spelling(src.reliability()));
      });
    }
    return node;
  }

  private ObjectNode firing(Firing f) {
    ObjectNode node = rule(f.rule());
    node.put("sequence", f.sequence());
    f.rule().cause().ifPresent(c -> node.put("cause", c));
    f.rule().cf().ifPresent(cf -> node.put("cf", cf));
    ArrayNode facts = node.putArray("facts");
    for (MatchedFact m : f.facts()) {
      ObjectNode fact = facts.addObject();
      fact.put("path", m.path());
      fact.put("value", m.value());
      m.line().ifPresent(l -> fact.put("line", l));
      m.derivation().ifPresent(s -> fact.put("derivation", s));
    }
    ArrayNode findings = node.putArray("findings");
    for (Finding finding : f.findings()) {
      findings.add(finding.name());
    }
    ArrayNode premises = node.putArray("premises");
    List<Integer> p = f.premises();
    p.forEach(premises::add);
    return node;
  }

  private static double round(double cf) {
    return Math.round(cf * 10_000) / 10_000.0;
  }
}
