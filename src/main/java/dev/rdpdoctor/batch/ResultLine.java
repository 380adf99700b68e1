package dev.rdpdoctor.batch;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import dev.rdpdoctor.engine.CauseAssessment;
import dev.rdpdoctor.engine.Diagnosis;
import dev.rdpdoctor.engine.Evidence;
import dev.rdpdoctor.engine.Finding;
import dev.rdpdoctor.engine.Firing;
import dev.rdpdoctor.engine.MatchedFact;
import dev.rdpdoctor.knowledge.Cause;
import dev.rdpdoctor.knowledge.Fix;
import dev.rdpdoctor.knowledge.KnowledgeBase;
import dev.rdpdoctor.problem.InputError;
import java.io.IOException;
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

  private static final SerializedString SCHEMA_FIELD = new SerializedString("schema");
  private static final SerializedString SCHEMA_VALUE = new SerializedString(SCHEMA);
  private static final SerializedString CASE = new SerializedString("case");
  private static final SerializedString FILE = new SerializedString("file");
  private static final SerializedString LINE = new SerializedString("line");
  private static final SerializedString COLUMN = new SerializedString("column");
  private static final SerializedString MESSAGE = new SerializedString("message");
  private static final SerializedString TOP = new SerializedString("top");
  private static final SerializedString CF = new SerializedString("cf");
  private static final SerializedString FIRST_FIX = new SerializedString("first_fix");
  private static final SerializedString RANKED = new SerializedString("ranked");
  private static final SerializedString RULED_OUT = new SerializedString("ruled_out");
  private static final SerializedString FIRINGS = new SerializedString("firings");
  private static final SerializedString RULE = new SerializedString("rule");
  private static final SerializedString FACTS = new SerializedString("facts");
  private static final SerializedString FINDINGS = new SerializedString("findings");
  private static final SerializedString PREMISES = new SerializedString("premises");
  private static final SerializedString CAUSE = new SerializedString("cause");
  private static final SerializedString EVIDENCE = new SerializedString("evidence");
  private static final SerializedString ERRORS = new SerializedString("errors");
  private static final SerializedString INTERNAL = new SerializedString("internal");

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
  public byte[] render(BatchOutcome outcome) {
    return line(outcome.item(), 4096, g -> {
      if (outcome instanceof BatchOutcome.Diagnosed d) {
        writeDiagnosis(g, d.diagnosis());
      } else {
        writeErrors(g, (BatchOutcome.Rejected) outcome);
      }
    });
  }

  private interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  /** One line: the schema, the case, then {@code body}. */
  private static byte[] line(BatchItem item, int sizeHint, Body body) {
    ByteArrayBuilder bytes = new ByteArrayBuilder(sizeHint);
    try (JsonGenerator g = JSON.createGenerator(bytes, JsonEncoding.UTF8)) {
      g.writeStartObject();
      g.writeFieldName(SCHEMA_FIELD);
      g.writeString(SCHEMA_VALUE);
      writeCase(g, item);
      body.write(g);
      g.writeEndObject();
      g.writeRaw('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void writeCase(JsonGenerator g, BatchItem item) throws IOException {
    g.writeFieldName(CASE);
    g.writeStartObject();
    g.writeFieldName(FILE);
    if (item instanceof BatchItem.JsonLine l) {
      g.writeString(l.source());
      g.writeFieldName(LINE);
      g.writeNumber(l.line());
    } else {
      g.writeString(((BatchItem.CaseFile) item).path().toString());
    }
    g.writeEndObject();
  }

  private void writeDiagnosis(JsonGenerator g, Diagnosis d) throws IOException {
    g.writeFieldName(TOP);
    if (d.top().isPresent()) {
      CauseAssessment top = d.top().get();
      g.writeString(top.cause().id());
      g.writeFieldName(CF);
      writeCf(g, top.cf());
      String firstFix = firstFixByCause.get(top.cause().id());
      if (firstFix != null) {
        g.writeFieldName(FIRST_FIX);
        g.writeString(firstFix);
      }
      if (top.rankedByBaseRate().isPresent()) {
        g.writeStringField("ranked_by", "base-rate");
      }
    } else {
      g.writeNull();
    }
    writeAssessments(g, RANKED, d.ranked());
    writeAssessments(g, RULED_OUT, d.ruledOut());
    g.writeFieldName(FIRINGS);
    g.writeStartArray();
    for (Firing f : d.firings()) {
      g.writeStartObject();
      g.writeFieldName(RULE);
      g.writeString(f.rule().id());
      g.writeFieldName(FACTS);
      g.writeStartObject();
      for (MatchedFact m : f.facts()) {
        g.writeFieldName(m.path());
        g.writeString(m.value());
      }
      g.writeEndObject();
      if (!f.findings().isEmpty()) {
        g.writeFieldName(FINDINGS);
        g.writeStartArray();
        for (Finding finding : f.findings()) {
          g.writeString(finding.name());
        }
        g.writeEndArray();
      }
      if (!f.premises().isEmpty()) {
        g.writeFieldName(PREMISES);
        g.writeStartArray();
        for (int p : f.premises()) {
          g.writeNumber(p);
        }
        g.writeEndArray();
      }
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void writeAssessments(JsonGenerator g, SerializableString field, List<CauseAssessment> list)
      throws IOException {
    g.writeFieldName(field);
    g.writeStartArray();
    for (CauseAssessment a : list) {
      g.writeStartObject();
      g.writeFieldName(CAUSE);
      g.writeString(a.cause().id());
      g.writeFieldName(CF);
      writeCf(g, a.cf());
      g.writeFieldName(EVIDENCE);
      g.writeStartArray();
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
      g.writeFieldName(INTERNAL);
      g.writeBoolean(true);
    }
    g.writeFieldName(ERRORS);
    g.writeStartArray();
    for (InputError e : r.errors()) {
      g.writeStartObject();
      g.writeFieldName(FILE);
      g.writeString(e.file());
      g.writeFieldName(LINE);
      g.writeNumber(e.line());
      g.writeFieldName(COLUMN);
      g.writeNumber(e.column());
      g.writeFieldName(MESSAGE);
      g.writeString(e.message());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  /** The error line for a case, in the form above: what other formats write for a bad line of JSON Lines. */
  static byte[] errorLine(BatchOutcome.Rejected r) {
    return line(r.item(), 512, g -> writeErrors(g, r));
  }

  /** A CF rounded to 4 places, as JSON: {@code 0.9424}, {@code -0.5}, {@code 0.0}. */
  private static void writeCf(JsonGenerator g, double cf) throws IOException {
    long tenThousandths = Math.round(cf * 10_000);
    if (Math.abs(tenThousandths) > 10_000 || Double.isNaN(cf)) {
      g.writeNumber(round(cf)); // not a CF: never happens, but written faithfully
      return;
    }
    char[] text = new char[8];
    int n = 0;
    if (tenThousandths < 0) {
      text[n++] = '-';
    }
    long abs = Math.abs(tenThousandths);
    text[n++] = (char) ('0' + abs / 10_000);
    text[n++] = '.';
    int fraction = (int) (abs % 10_000);
    int digits = 4;
    while (digits > 1 && fraction % 10 == 0) {
      fraction /= 10;
      digits--;
    }
    for (int i = digits - 1; i >= 0; i--) {
      text[n + i] = (char) ('0' + fraction % 10);
      fraction /= 10;
    }
    g.writeNumber(text, 0, n + digits);
  }

  static double round(double cf) {
    return Math.round(cf * 10_000) / 10_000.0;
  }
}
