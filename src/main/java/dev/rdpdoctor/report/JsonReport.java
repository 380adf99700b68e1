package dev.rdpdoctor.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rdpdoctor.engine.Finding;
import dev.rdpdoctor.engine.Firing;
import dev.rdpdoctor.engine.MatchedFact;
import dev.rdpdoctor.knowledge.Fix;
import dev.rdpdoctor.knowledge.RuleInfo;
import dev.rdpdoctor.yaml.Spelled;
import dev.rdpdoctor.yaml.YamlMapper;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * The diagnosis as JSON, for scripts. The shape is documented in docs/json-output.md and
 * versioned by its {@code schema} field; fields are added, never renamed or removed, within a
 * version.
 */
public final class JsonReport implements Report {

  public static final String SCHEMA = "rdp-doctor/diagnosis/1";

  private final ObjectMapper json = YamlMapper.json();
  private final boolean pretty;

  /** @param pretty indented, for one case alone; otherwise one line, for one case of many */
  public JsonReport(boolean pretty) {
    this.pretty = pretty;
  }

  @Override
  public void write(Outline o, PrintWriter out) {
    ObjectNode root = toJson(o);
    ArrayNode next = root.putArray("next_checks");
    for (NextCheck c : o.nextChecks()) {
      ObjectNode n = next.addObject();
      n.put("ask", c.ask());
      n.put("how", c.how());
      n.put("cost", Spelled.spelling(c.cost()));
      ArrayNode sep = n.putArray("separates");
      c.separates().forEach(sep::add);
    }
    try {
      out.write(pretty ? json.writerWithDefaultPrettyPrinter().writeValueAsString(root) : json.writeValueAsString(root));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    out.write(System.lineSeparator());
    out.flush();
  }

  /** The report without its next checks: the case, the ranking and the trace. */
  public ObjectNode toJson(Outline o) {
    ObjectNode root = json.createObjectNode();
    root.put("schema", SCHEMA);
    Outline.Header h = o.header();
    ObjectNode kase = root.putObject("case");
    kase.put("file", h.source());
    kase.put("title", h.title());
    kase.put("observed", h.observed().toString());
    kase.put("error_code", h.error().value() == null ? null : Codes.hex(h.error().value()));
    kase.put("extended_code", h.extended().value() == null ? null : Codes.hex(h.extended().value()));
    kase.put("error_meaning", h.error().meaning().orElse(null));
    kase.put("extended_meaning", h.extended().meaning().orElse(null));
    ArrayNode conflicts = root.putArray("conflicts");
    o.conflicts().forEach(conflict -> {
      ObjectNode c = conflicts.addObject()
          .put("path", conflict.path())
          .put("stated", conflict.stated())
          .put("probed", conflict.probed())
          .put("by", conflict.by());
      conflict.origin().ifPresent(w -> c.put("origin", w));
    });
    root.put("knowledge", o.knowledge());
    root.put("top", o.ranked().isEmpty() ? null : o.ranked().get(0).id());
    root.put("ranked_by", o.rankedByBaseRate() ? "base-rate" : "evidence");
    ArrayNode ranked = root.putArray("ranked");
    o.ranked().forEach(a -> ranked.add(assessment(a)));
    ArrayNode ruledOut = root.putArray("ruled_out");
    o.ruledOut().forEach(a -> ruledOut.add(assessment(a)));
    ArrayNode firings = root.putArray("firings");
    o.trace().forEach(step -> firings.add(firing(step)));
    ArrayNode unread = root.putArray("not_read");
    o.unread().forEach(u -> unread.addObject().put("path", u.path()).put("value", u.value()));
    return root;
  }

  private ObjectNode assessment(Outline.Cause a) {
    ObjectNode node = json.createObjectNode();
    node.put("cause", a.id());
    node.put("title", a.title());
    node.put("cf", round(a.cf()));
    node.put("supporting", round(a.supporting()));
    node.put("opposing", round(a.opposing()));
    ArrayNode fixes = node.putArray("fixes");
    a.fixes().forEach(f -> fixes.add(fix(f)));
    ArrayNode skipped = node.putArray("skipped_fixes");
    a.skipped().forEach(s -> skipped.add(fix(s.fix()).put("why_skipped", s.why())));
    a.fromBaseRate().ifPresent(r -> node.putObject("base_rate").put("share", r.share()).put("from", r.from()));
    ArrayNode evidence = node.putArray("evidence");
    for (Outline.Evidence e : a.evidence()) {
      ObjectNode ev = rule(e.rule());
      ev.put("cf", e.cf());
      ArrayNode seq = ev.putArray("firings");
      e.firings().forEach(f -> seq.add(f.sequence()));
      evidence.add(ev);
    }
    if (!a.ruledOut()) {
      node.put("rank", a.rank());
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

  private ObjectNode rule(Outline.Rule rule) {
    RuleInfo r = rule.info();
    ObjectNode node = json.createObjectNode();
    node.put("rule", r.id());
    node.put("name", r.name());
    node.put("file", r.file());
    node.put("line", r.line());
    ArrayNode sources = node.putArray("sources");
    for (Outline.Cited c : rule.sources()) {
      ObjectNode s = sources.addObject();
      s.put("id", c.id());
      c.source().ifPresent(src -> {
        s.put("title", src.title());
        s.put("where", src.where());
        s.put("reliability", Spelled.spelling(src.reliability()));
      });
    }
    return node;
  }

  private ObjectNode firing(Outline.Step step) {
    Firing f = step.firing();
    ObjectNode node = rule(step.rule());
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
    f.premises().forEach(premises::add);
    return node;
  }

  private static double round(double cf) {
    return Math.round(cf * 10_000) / 10_000.0;
  }
}
