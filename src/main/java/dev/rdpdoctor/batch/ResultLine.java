package dev.rdpdoctor.batch;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.rdpdoctor.engine.CauseAssessment;
import dev.rdpdoctor.engine.Diagnosis;
import dev.rdpdoctor.engine.Evidence;
import dev.rdpdoctor.engine.Finding;
import dev.rdpdoctor.engine.Firing;
import dev.rdpdoctor.engine.MatchedFact;
import dev.rdpdoctor.knowledge.Cause;
import dev.rdpdoctor.knowledge.Fix;
import dev.rdpdoctor.knowledge.KnowledgeBase;
import dev.rdpdoctor.yaml.InputError;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One line of JSON per case, for machines: the ranking with the rules behind each cause, and
 * the trace, naming causes, fixes and rules by id (their text is in the catalog, once, rather
 * than on every line); or the case's errors. The shape is documented in docs/json-output.md.
 */
public final class ResultLine implements ResultFormat {

  public static final String SCHEMA = "rdp-doctor/result/1";

  private static final JsonFactory JSON = new JsonFactory();

  private final Map<String, String> firstFixByCause = new HashMap<>();

  public ResultLine(KnowledgeBase knowledge) {
    for (Cause c : knowledge.causes().values()) {
      List<Fix> fixes = c.fixesInSafeOrder();
      if (!fixes.isEmpty()) {
        firstFixByCause.put(c.id(), fixes.get(0).id());
      }
    }
  }

  @Override
  public String render(BatchOutcome outcome) {
    StringWriter text = new StringWriter(2048);
    try (JsonGenerator g = JSON.createGenerator(text)) {
      g.writeStartObject();
      g.writeStringField("schema", SCHEMA);
      writeCase(g, outcome.item());
      if (outcome instanceof BatchOutcome.Diagnosed d) {
        writeDiagnosis(g, d.diagnosis());
      } else {
        writeErrors(g, (BatchOutcome.Rejected) outcome);
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.append('\n').toString();
  }

  static void writeCase(JsonGenerator g, BatchItem item) throws IOException {
    g.writeObjectFieldStart("case");
    if (item instanceof BatchItem.JsonLine l) {
      g.writeStringField("file", l.source());
      g.writeNumberField("line", l.line());
    } else {
      g.writeStringField("file", ((BatchItem.CaseFile) item).path().toString());
    }
    g.writeEndObject();
  }

  private void writeDiagnosis(JsonGenerator g, Diagnosis d) throws IOException {
    if (d.top().isPresent()) {
      CauseAssessment top = d.top().get();
      g.writeStringField("top", top.cause().id());
      g.writeNumberField("cf", round(top.cf()));
      String firstFix = firstFixByCause.get(top.cause().id());
      if (firstFix != null) {
        g.writeStringField("first_fix", firstFix);
      }
    } else {
      g.writeNullField("top");
    }
    writeAssessments(g, "ranked", d.ranked());
    writeAssessments(g, "ruled_out", d.ruledOut());
    g.writeArrayFieldStart("firings");
    for (Firing f : d.firings()) {
      g.writeStartObject();
      g.writeStringField("rule", f.rule().id());
      g.writeObjectFieldStart("facts");
      for (MatchedFact m : f.facts()) {
        g.writeStringField(m.path(), m.value());
      }
      g.writeEndObject();
      if (!f.findings().isEmpty()) {
        g.writeArrayFieldStart("findings");
        for (Finding finding : f.findings()) {
          g.writeString(finding.name());
        }
        g.writeEndArray();
      }
      if (!f.premises().isEmpty()) {
        g.writeArrayFieldStart("premises");
        for (int p : f.premises()) {
          g.writeNumber(p);
        }
        g.writeEndArray();
      }
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void writeAssessments(JsonGenerator g, String field, List<CauseAssessment> list) throws IOException {
    g.writeArrayFieldStart(field);
    for (CauseAssessment a : list) {
      g.writeStartObject();
      g.writeStringField("cause", a.cause().id());
      g.writeNumberField("cf", round(a.cf()));
      g.writeArrayFieldStart("evidence");
      for (Evidence e : a.evidence()) {
        g.writeString(e.rule().id());
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void writeErrors(JsonGenerator g, BatchOutcome.Rejected r) throws IOException {
    if (r.internal()) {
      g.writeBooleanField("internal", true);
    }
    g.writeArrayFieldStart("errors");
    for (InputError e : r.errors()) {
      g.writeStartObject();
      g.writeStringField("file", e.file());
      g.writeNumberField("line", e.line());
      g.writeNumberField("column", e.column());
      g.writeStringField("message", e.message());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  /** The error line for a case, in the form above: what other formats write for a bad line of JSON Lines. */
  static String errorLine(BatchOutcome.Rejected r) {
    StringWriter text = new StringWriter(256);
    try (JsonGenerator g = JSON.createGenerator(text)) {
      g.writeStartObject();
      g.writeStringField("schema", SCHEMA);
      writeCase(g, r.item());
      writeErrors(g, r);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.append('\n').toString();
  }

  static double round(double cf) {
    return Math.round(cf * 10_000) / 10_000.0;
  }
}
