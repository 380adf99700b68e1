package dev.rdpdoctor.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rdpdoctor.consult.ConsultSession;
import dev.rdpdoctor.consult.ConsultStep;
import dev.rdpdoctor.consult.Outcome;
import dev.rdpdoctor.consult.QuestionPicker;
import dev.rdpdoctor.engine.CauseAssessment;
import dev.rdpdoctor.engine.Diagnosis;
import dev.rdpdoctor.evidence.Evidence;
import dev.rdpdoctor.evidence.EvidenceReader;
import dev.rdpdoctor.problem.InputError;
import dev.rdpdoctor.problem.InvalidInputException;
import dev.rdpdoctor.report.Redactor;
import dev.rdpdoctor.yaml.Spelled;
import dev.rdpdoctor.yaml.YamlMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The JSON API: the same shapes as {@code diagnose --format json} (docs/json-output.md), and the
 * consultation, validation and case store around them; described by {@code /api/openapi.yaml}.
 */
final class Api {

  static final ObjectMapper JSON = YamlMapper.json();
  static final String JSON_TYPE = "application/json";
  /** A JSON tree as the bytes of a symptom file written as JSON. */
  static final java.util.function.Function<JsonNode, byte[]> JSON_BYTES = tree -> {
    try {
      return JSON.writeValueAsBytes(tree);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  };

  private final Doctor doctor;
  private final CaseStore store;
  private final ServerMetrics metrics;

  Api(Doctor doctor, CaseStore store, ServerMetrics metrics) {
    this.doctor = doctor;
    this.store = store;
    this.metrics = metrics;
  }

  void register(Routes routes) {
    routes.add("POST", "/api/diagnose", Routes.Kind.API, this::diagnose)
        .addEvidence("POST", "/api/evidence", Routes.Kind.API, this::evidence)
        .add("POST", "/api/explain", Routes.Kind.API, this::explain)
        .add("POST", "/api/validate", Routes.Kind.API, this::validate)
        .add("POST", "/api/consult", Routes.Kind.API, this::consult)
        .add("GET", "/api/cases", Routes.Kind.API, this::listCases)
        .add("POST", "/api/cases", Routes.Kind.API, this::saveCase)
        .add("GET", "/api/cases/{id}", Routes.Kind.API, this::getCase)
        .add("GET", "/api/cases/{id}/diagnosis", Routes.Kind.API, this::caseDiagnosis)
        .add("PUT", "/api/cases/{id}/resolution", Routes.Kind.API, this::resolve);
  }

  /** The diagnosis of the case in the body. */
  private void diagnose(Exchange ex) {
    String format = ex.query("format").orElse("json");
    if (format.equals("jsonl")) {
      byte[] body = ex.body();
      byte[] line = doctor.resultLine(doctor.read("request", body), body);
      metrics.diagnosed(Api.topOf(line));
      ex.send(200, JSON_TYPE, line);
      return;
    }
    if (!format.equals("json")) {
      throw new HttpError(400, "format is json (the diagnosis) or jsonl (one result line), not " + format);
    }
    Doctor.Diagnosed d = doctor.diagnose(doctor.read("request", ex.body()), weighChecks(ex));
    metrics.diagnosed(d.top());
    ex.send(200, JSON_TYPE, doctor.json(d, redact(ex)));
  }

  /**
   * The evidence in the body (a zip of exports, as the collectors write it, or one export), read
   * into a symptom file and diagnosed: what was read, skipped and could not be read, the symptom
   * file with where each value was found, and the diagnosis.
   */
  private void evidence(Exchange ex) {
    String name = ex.query("name").filter(n -> !n.isBlank() && n.length() <= 200).orElse("request");
    Doctor.Examined examined = doctor.examine(name, List.of(new EvidenceReader.Given(name, ex.body())),
        "request", new byte[0], weighChecks(ex));
    Doctor.Diagnosed d = examined.diagnosed();
    metrics.diagnosed(d.top());
    boolean redact = redact(ex);
    Redactor redactor = Doctor.redactorFor(d);
    UnaryOperator<String> shown = redact ? redactor::apply : s -> s;
    Evidence evidence = d.evidence().orElseThrow();
    ObjectNode out = JSON.createObjectNode();
    out.put("schema", "rdp-doctor/evidence/1");
    ArrayNode read = out.putArray("read");
    evidence.read().forEach(r -> read.addObject().put("name", shown.apply(r.name())).put("kind", r.kind())
        .put("observations", r.observations()));
    ArrayNode skipped = out.putArray("skipped");
    evidence.skipped().forEach(f -> skipped.addObject().put("name", shown.apply(f.name())).put("why", f.why()));
    ArrayNode problems = errors(evidence.problems());
    if (redact) {
      problems.forEach(p -> ((ObjectNode) p).put("file", shown.apply(p.path("file").asText()))
          .put("message", shown.apply(p.path("message").asText())));
    }
    out.set("errors", problems);
    out.put("symptom_file", shown.apply(new String(examined.symptomFile(), StandardCharsets.UTF_8)));
    out.set("diagnosis", parse(doctor.json(d, redact)));
    send(ex, 200, out);
  }

  private void explain(Exchange ex) {
    Doctor.Diagnosed d = doctor.diagnose("request", ex.body());
    Optional<String> cause = ex.query("cause");
    if (cause.isPresent() && !doctor.knowledge().causes().containsKey(cause.get())) {
      throw new HttpError(404, "no cause '" + cause.get() + "' in the knowledge base");
    }
    metrics.diagnosed(d.top());
    ObjectNode out = JSON.createObjectNode();
    out.put("schema", "rdp-doctor/explanation/1");
    out.put("cause", cause.orElse(null));
    out.put("text", doctor.explanation(d, cause, redact(ex)));
    out.set("diagnosis", parse(doctor.json(d, redact(ex))));
    send(ex, 200, out);
  }

  private void validate(Exchange ex) {
    ObjectNode out = JSON.createObjectNode();
    out.put("schema", "rdp-doctor/validation/1");
    try {
      doctor.read("request", ex.body());
      out.put("valid", true);
      out.putArray("errors");
    } catch (InvalidInputException e) {
      out.put("valid", false);
      out.set("errors", errors(e.errors()));
    }
    send(ex, 200, out);
  }

  /** One step of a consultation: the case it started from and the answers so far in, the next question out. */
  private void consult(Exchange ex) {
    JsonNode body = readJson(ex.body());
    ObjectNode start = ConsultRequest.start(doctor, body.get("case"));
    List<ConsultStep.Answer> answers = new ArrayList<>();
    JsonNode given = body.get("answers");
    if (given != null && !given.isNull()) {
      if (!given.isArray()) {
        throw new HttpError(400, "'answers' is a list of {\"question\": FACT, \"answer\": ANSWER}");
      }
      for (JsonNode a : given) {
        if (!a.path("question").isTextual() || !(a.path("answer").isTextual() || a.path("answer").isArray())) {
          throw new HttpError(400, "each answer is {\"question\": FACT, \"answer\": ANSWER or [ANSWER, ...]}");
        }
        answers.add(new ConsultStep.Answer(a.get("question").asText(), ConsultRequest.reply(a.get("answer"))));
      }
    }
    int limit = body.path("max_questions").asInt(ConsultSession.DEFAULT_QUESTION_LIMIT);
    if (limit < 1 || limit > ConsultRequest.MAX_QUESTIONS) {
      throw new HttpError(400, "max_questions is 1 to " + ConsultRequest.MAX_QUESTIONS);
    }
    ConsultStep.Position at = doctor.consult(start, answers, limit);
    send(ex, 200, consultation(at, answers));
  }

  ObjectNode consultation(ConsultStep.Position at, List<ConsultStep.Answer> answers) {
    ObjectNode out = JSON.createObjectNode();
    out.put("schema", "rdp-doctor/consultation/1");
    out.put("asked", at.consultation().questionsAsked());
    ArrayNode given = out.putArray("answers");
    answers.forEach(a -> given.addObject().put("question", a.question()).put("answer", a.reply()));
    out.put("end", at.end().map(e -> e.name().toLowerCase(Locale.ROOT).replace('_', '-')).orElse(null));
    out.set("ranking", ranking(at.now()));
    out.put("ranked_by", rankedByBaseRate(at.now()) ? "base-rate" : "evidence");
    if (at.next().isPresent()) {
      Outcome o = at.next().get();
      ObjectNode q = out.putObject("question");
      q.put("fact", o.question().fact());
      q.put("ask", o.question().question().ask());
      q.put("how", o.question().question().how());
      q.put("cost", Spelled.spelling(o.question().question().cost()));
      q.put("checklist", o.question().list());
      ArrayNode labels = q.putArray("answers");
      o.question().answers().keySet().forEach(labels::add);
      ArrayNode separates = q.putArray("separates");
      ConsultSession.separated(at.now(), o).forEach(separates::add);
      ObjectNode ifAnswer = q.putObject("if");
      o.byAnswer().forEach((label, d) -> ifAnswer.set(label, ranking(d)));
    } else {
      out.putNull("question");
    }
    out.set("case", at.consultation().tree());
    if (at.end().isPresent()) {
      out.set("diagnosis", parse(doctor.json(doctor.diagnose(doctor.read("consultation", ConsultRequest.yaml(at.consultation().tree()))), false)));
    }
    return out;
  }

  static boolean rankedByBaseRate(Diagnosis d) {
    return !d.ranked().isEmpty() && d.ranked().get(0).rankedByBaseRate().isPresent();
  }

  private ArrayNode ranking(Diagnosis d) {
    ArrayNode out = JSON.createArrayNode();
    for (CauseAssessment a : d.ranked().stream().limit(QuestionPicker.TOP).toList()) {
      out.addObject().put("cause", a.cause().id()).put("title", a.cause().title()).put("cf", Math.round(a.cf() * 1e4) / 1e4);
    }
    return out;
  }

  private void listCases(Exchange ex) throws IOException {
    ObjectNode out = JSON.createObjectNode();
    out.put("schema", "rdp-doctor/cases/1");
    ArrayNode cases = out.putArray("cases");
    for (StoredCase c : store.list()) {
      cases.add(stored(c));
    }
    send(ex, 200, out);
  }

  static ObjectNode stored(StoredCase c) {
    ObjectNode n = JSON.createObjectNode();
    n.put("id", c.id());
    n.put("saved", c.saved().toString());
    n.put("title", c.title().orElse(null));
    n.put("top", c.top().orElse(null));
    n.put("resolved", c.resolved());
    n.put("problem", c.problem().orElse(null));
    return n;
  }

  private void saveCase(Exchange ex) throws IOException {
    String id = store.save(ex.body(), LocalDateTime.now(doctor.clock()));
    ex.header("Location", "/api/cases/" + id);
    ObjectNode out = stored(store.summary(id).orElseThrow());
    send(ex, 201, out);
  }

  private void getCase(Exchange ex) throws IOException {
    String id = ex.pathParam("id");
    byte[] content = found(id);
    ObjectNode out = stored(store.summary(id).orElseThrow(() -> new HttpError(404, "no case " + id)));
    out.put("content", new String(content, StandardCharsets.UTF_8));
    send(ex, 200, out);
  }

  private void caseDiagnosis(Exchange ex) throws IOException {
    String id = ex.pathParam("id");
    Doctor.Diagnosed d = doctor.diagnose(store.caseFile(id, found(id)), weighChecks(ex));
    metrics.diagnosed(d.top());
    ex.send(200, JSON_TYPE, doctor.json(d, redact(ex)));
  }

  private void resolve(Exchange ex) throws IOException {
    String id = ex.pathParam("id");
    found(id);
    JsonNode body = readJson(ex.body());
    Resolution r = resolution(body, LocalDate.now(doctor.clock()));
    List<InputError> problems = Resolutions.problems(r, doctor.knowledge(), LocalDate.now(doctor.clock()));
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    store.resolve(id, r);
    ObjectNode out = stored(store.summary(id).orElseThrow());
    out.set("resolution", JSON.valueToTree(r));
    send(ex, 200, out);
  }

  private static Resolution resolution(JsonNode body, LocalDate today) {
    if (!body.isObject()) {
      throw new HttpError(400, "a resolution is a JSON object: cause, fix, date, by, note, confirmed");
    }
    for (java.util.Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!List.of("cause", "fix", "date", "by", "note", "confirmed").contains(name)) {
        throw new InvalidInputException(InputError.error("resolution", 1, 1, "unknown key '" + name
            + "'; allowed keys: cause, fix, date, by, note, confirmed"));
      }
    }
    LocalDate date;
    try {
      date = body.hasNonNull("date") ? LocalDate.parse(body.get("date").asText()) : today;
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(InputError.error("resolution", 1, 1,
          "'date' is not a date like 2026-11-20: '" + body.get("date").asText() + "'"));
    }
    return new Resolution(text(body, "cause"), text(body, "fix"), date, text(body, "by"), text(body, "note"),
        body.path("confirmed").asBoolean(false));
  }

  private static String text(JsonNode body, String name) {
    JsonNode v = body.get(name);
    return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText().strip();
  }

  private byte[] found(String id) throws IOException {
    if (!CaseStore.validId(id)) {
      throw new HttpError(404, "no case " + id + ": a case id looks like 20261120-101502-a3f9c1");
    }
    return store.read(id).orElseThrow(() -> new HttpError(404, "no case " + id));
  }

  /** The top cause a result line names: the metrics' label, read without parsing the line. */
  static String topOf(byte[] line) {
    String text = new String(line, 0, Math.min(line.length, 512), StandardCharsets.UTF_8);
    java.util.regex.Matcher m = TOP.matcher(text);
    return m.find() ? m.group(1) : null;
  }

  private static final java.util.regex.Pattern TOP = java.util.regex.Pattern.compile("\"top\":\\s*\"([a-z0-9-]+)\"");

  /** {@code next_checks=false} leaves the checks unweighed, and the field out: a hundredth of the work. */
  private static boolean weighChecks(Exchange ex) {
    return !ex.query("next_checks").map(v -> v.equals("false") || v.equals("0") || v.equals("off")).orElse(false);
  }

  private static boolean redact(Exchange ex) {
    return ex.query("redact").map(v -> v.equals("true") || v.equals("1") || v.equals("on")).orElse(false);
  }

  static JsonNode readJson(byte[] body) {
    try {
      JsonNode node = JSON.readTree(body);
      if (node == null || !node.isObject()) {
        throw new HttpError(400, "the body must be a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new HttpError(400, "the body is not JSON: line " + (e.getLocation() == null ? 1 : e.getLocation().getLineNr())
          + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new HttpError(400, "the body is not JSON: " + e.getMessage());
    }
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ArrayNode errors(List<InputError> errors) {
    ArrayNode out = JSON.createArrayNode();
    for (InputError e : errors) {
      out.addObject().put("file", e.file()).put("line", e.line()).put("column", e.column())
          .put("severity", e.severity().name().toLowerCase(Locale.ROOT)).put("message", e.message());
    }
    return out;
  }

  static void send(Exchange ex, int status, JsonNode body) {
    try {
      ex.send(status, JSON_TYPE, JSON.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A refusal as JSON: its status, one sentence, and any located errors. */
  static void error(Exchange ex, HttpError e) {
    ObjectNode out = JSON.createObjectNode();
    out.put("schema", "rdp-doctor/error/1");
    out.put("status", e.status());
    out.put("error", e.getMessage());
    out.set("errors", errors(e.errors()));
    send(ex, e.status(), out);
  }

}
