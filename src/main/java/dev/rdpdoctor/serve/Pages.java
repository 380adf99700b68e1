package dev.rdpdoctor.serve;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rdpdoctor.consult.Askable;
import dev.rdpdoctor.consult.ConsultSession;
import dev.rdpdoctor.consult.ConsultStep;
import dev.rdpdoctor.consult.Outcome;
import dev.rdpdoctor.consult.QuestionPicker;
import dev.rdpdoctor.engine.CauseAssessment;
import dev.rdpdoctor.engine.Diagnosis;
import dev.rdpdoctor.evidence.EvidenceReader;
import dev.rdpdoctor.knowledge.Cause;
import dev.rdpdoctor.knowledge.KnowledgeBase;
import dev.rdpdoctor.knowledge.RuleInfo;
import dev.rdpdoctor.knowledge.Source;
import dev.rdpdoctor.problem.InputError;
import dev.rdpdoctor.problem.InvalidInputException;
import dev.rdpdoctor.report.Redactor;
import dev.rdpdoctor.yaml.Spelled;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The help desk's pages: a new case (pasted, uploaded, or filled in on a form made from the
 * vocabulary), its report, the explanation, the consultation, the case store and the knowledge
 * base. They work without JavaScript (every action is a link or a form); {@code app.js} only adds
 * conveniences. An unsaved case travels between pages in a hidden field, Base64, so that nothing
 * of it is changed on the way.
 */
final class Pages {

  static final String HTML = "text/html; charset=utf-8";
  /** The longest search of the knowledge base, in characters. */
  static final int MAX_QUERY = 200;

  private final Doctor doctor;
  private final CaseStore store;
  private final ServerMetrics metrics;
  private final Guard guard;
  private final String knowledgeName;
  private final Templates templates = new Templates();
  private final VocabularyForm form;
  private final byte[] css = WebServer.resource("static/app.css");
  private final byte[] js = WebServer.resource("static/app.js");

  Pages(Doctor doctor, CaseStore store, ServerMetrics metrics, Guard guard, String knowledgeName) {
    this.doctor = doctor;
    this.store = store;
    this.metrics = metrics;
    this.guard = guard;
    this.knowledgeName = knowledgeName;
    this.form = new VocabularyForm(doctor.knowledge().vocabulary());
  }

  void register(Routes routes) {
    routes.add("GET", "/", Routes.Kind.PAGE, this::newCase)
        .addEvidence("POST", "/diagnose", Routes.Kind.PAGE, this::diagnose)
        .add("GET", "/form", Routes.Kind.PAGE, this::form)
        .add("POST", "/form", Routes.Kind.PAGE, this::diagnoseForm)
        .add("POST", "/explain", Routes.Kind.PAGE, this::explainUnsaved)
        .add("GET", "/consult", Routes.Kind.PAGE, this::consult)
        .add("POST", "/consult", Routes.Kind.PAGE, this::consult)
        .add("POST", "/consult/file", Routes.Kind.PAGE, this::consultFile)
        .add("GET", "/cases", Routes.Kind.PAGE, this::cases)
        .add("POST", "/cases", Routes.Kind.PAGE, this::save)
        .add("GET", "/cases/{id}", Routes.Kind.PAGE, this::storedReport)
        .add("GET", "/cases/{id}/explain", Routes.Kind.PAGE, this::explainStored)
        .add("GET", "/cases/{id}/file", Routes.Kind.PAGE, this::file)
        .add("POST", "/cases/{id}/resolution", Routes.Kind.PAGE, this::resolve)
        .add("GET", "/knowledge", Routes.Kind.PAGE, this::knowledge)
        .add("GET", "/login", Routes.Kind.OPEN, this::login)
        .add("POST", "/login", Routes.Kind.OPEN, this::signIn)
        .add("GET", "/static/app.css", Routes.Kind.OPEN, ex -> {
          ex.header("Cache-Control", "max-age=3600");
          ex.send(200, "text/css; charset=utf-8", css);
        })
        .add("GET", "/static/app.js", Routes.Kind.OPEN, ex -> {
          ex.header("Cache-Control", "max-age=3600");
          ex.send(200, "text/javascript; charset=utf-8", js);
        });
  }

  private Views.Frame frame(Exchange ex, String title, String active) {
    return new Views.Frame(title, active, guard.csrfToken(ex), knowledgeName);
  }

  private void page(Exchange ex, int status, String template, Object view) {
    ex.send(status, HTML, templates.render(template, view));
  }

  // --- New case -----------------------------------------------------------------------------

  private void newCase(Exchange ex) throws IOException {
    String text = "";
    String from = "";
    Optional<String> id = ex.query("case");
    if (id.isPresent()) {
      text = new String(found(id.get()), StandardCharsets.UTF_8);
      from = id.get();
    }
    page(ex, 200, "new", new Views.NewCase(frame(ex, "New case", "new"), text, List.of(), List.of(), from));
  }

  /** The case a page sent: an uploaded file, else the pasted text, else the case carried on in a hidden field. */
  private static byte[] submitted(Exchange ex) {
    Optional<Exchange.Upload> upload = ex.form().file("file");
    if (upload.isPresent()) {
      return upload.get().content();
    }
    Optional<String> carried = ex.form().first("case");
    if (carried.isPresent() && !carried.get().isEmpty()) {
      return decode(carried.get());
    }
    return ex.form().first("text").orElse("").replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8);
  }

  private void diagnose(Exchange ex) {
    byte[] content = submitted(ex);
    String name = ex.form().file("file").map(Exchange.Upload::fileName).orElse("pasted");
    List<Exchange.Upload> evidence = ex.form().uploads("evidence");
    if (!evidence.isEmpty()) {
      diagnoseEvidence(ex, evidence, name, content);
      return;
    }
    try {
      report(ex, doctor.diagnose(name, CaseStore.withoutResolution(content)), content, Optional.empty(), List.of());
    } catch (InvalidInputException e) {
      String text = new String(content, StandardCharsets.UTF_8);
      page(ex, 422, "new", new Views.NewCase(frame(ex, "New case", "new"), text, e.errors(), listing(text, e.errors()), ""));
    }
  }

  /** A case made from the evidence uploaded, merged into the symptom file given with it, if any. */
  private void diagnoseEvidence(Exchange ex, List<Exchange.Upload> evidence, String name, byte[] content) {
    byte[] text = new String(content, StandardCharsets.UTF_8).isBlank() ? new byte[0] : CaseStore.withoutResolution(content);
    List<EvidenceReader.Given> files = evidence.stream().map(u -> new EvidenceReader.Given(u.fileName(), u.content())).toList();
    try {
      Doctor.Examined examined = doctor.examine(evidenceLabel(evidence), files, name, text, true);
      report(ex, examined.diagnosed(), examined.symptomFile(), Optional.empty(), List.of());
    } catch (InvalidInputException e) {
      String shown = new String(content, StandardCharsets.UTF_8);
      page(ex, 422, "new", new Views.NewCase(frame(ex, "New case", "new"), shown, e.errors(), listing(shown, e.errors()), ""));
    }
  }

  /** How the evidence uploaded is named: its one file, the folder all its files are in, or how many files it is. */
  static String evidenceLabel(List<Exchange.Upload> evidence) {
    if (evidence.size() == 1) {
      return evidence.get(0).fileName();
    }
    String first = evidence.get(0).fileName().replace('\\', '/');
    int slash = first.indexOf('/');
    if (slash > 0) {
      String folder = first.substring(0, slash + 1);
      if (evidence.stream().allMatch(u -> u.fileName().replace('\\', '/').startsWith(folder))) {
        return folder;
      }
    }
    return evidence.size() + " files uploaded";
  }

  /** The text's lines, each with the errors located on it. */
  static List<Views.Line> listing(String text, List<InputError> errors) {
    List<Views.Line> out = new ArrayList<>();
    String[] lines = text.split("\\R", -1);
    for (int i = 0; i < lines.length; i++) {
      int n = i + 1;
      List<String> here = errors.stream().filter(e -> e.line() == n).map(e -> "column " + e.column() + ": " + e.message()).toList();
      out.add(new Views.Line(n, lines[i], here));
    }
    // an error past the last line (the file ended too soon) is shown on the last
    for (InputError e : errors) {
      if (e.line() > lines.length && !out.isEmpty()) {
        Views.Line last = out.remove(out.size() - 1);
        List<String> more = new ArrayList<>(last.errors());
        more.add("line " + e.line() + ": " + e.message());
        out.add(new Views.Line(last.number(), last.text(), more));
      }
    }
    return out;
  }

  // --- The vocabulary's form ------------------------------------------------------------------

  private void form(Exchange ex) {
    page(ex, 200, "form", new Views.CaseForm(frame(ex, "New case: the form", "new"), form.groups(Map.of(), Map.of()), List.of()));
  }

  private void diagnoseForm(Exchange ex) {
    Map<String, List<String>> fields = new LinkedHashMap<>(ex.form().fields());
    fields.remove(Guard.CSRF_FIELD);
    ObjectNode tree = form.tree(fields);
    String yaml = ConsultRequest.yamlText(VocabularyForm.clean(tree));
    try {
      Doctor.Diagnosed d = doctor.diagnose("form", yaml.getBytes(StandardCharsets.UTF_8));
      report(ex, d, yaml.getBytes(StandardCharsets.UTF_8), Optional.empty(), List.of());
    } catch (InvalidInputException e) {
      Map<String, List<String>> errors = VocabularyForm.errorsByField(e.errors(), VocabularyForm.fieldsByLine(yaml, tree));
      List<String> general = new ArrayList<>(errors.getOrDefault("", List.of()));
      Map<String, List<String>> placed = new LinkedHashMap<>(errors);
      placed.remove("");
      page(ex, 422, "form", new Views.CaseForm(frame(ex, "New case: the form", "new"), form.groups(fields, placed), general));
    }
  }

  // --- The report -----------------------------------------------------------------------------

  private void report(Exchange ex, Doctor.Diagnosed d, byte[] content, Optional<StoredCase> stored, List<InputError> resolutionErrors) {
    metrics.diagnosed(d.top());
    boolean redact = redact(ex);
    UnaryOperator<String> shown = UnaryOperator.identity();
    if (redact) {
      Redactor r = Doctor.redactorFor(d);
      shown = r::apply;
    }
    Optional<String> resolution = stored.isPresent() ? CaseStore.resolutionText(content) : Optional.empty();
    String title = d.outline().header().title() == null ? "Report" : "Report: " + d.outline().header().title();
    page(ex, 200, "report", new Views.Report(frame(ex, redact ? "Report (redacted)" : title, stored.isPresent() ? "cases" : "new"),
        d.outline(), shown, doctor.markdown(d, redact), redact, encode(content), stored, resolution,
        List.copyOf(doctor.knowledge().causes().values()), resolutionErrors, LocalDate.now(doctor.clock()).toString(),
        d.evidence()));
  }

  private static boolean redact(Exchange ex) {
    Optional<String> v = ex.method().equals("POST") ? ex.form().first("redact") : ex.query("redact");
    return v.map(s -> s.equals("on") || s.equals("true") || s.equals("1")).orElse(false);
  }

  private void storedReport(Exchange ex) throws IOException {
    String id = ex.pathParam("id");
    byte[] content = found(id);
    StoredCase summary = store.summary(id).orElseThrow(() -> new HttpError(404, "no case " + id));
    report(ex, doctor.diagnose(store.caseFile(id, content)), content, Optional.of(summary), List.of());
  }

  private void explainStored(Exchange ex) throws IOException {
    String id = ex.pathParam("id");
    byte[] content = found(id);
    Doctor.Diagnosed d = doctor.diagnose(store.caseFile(id, content));
    explanation(ex, d, Optional.of(id), content);
  }

  private void explainUnsaved(Exchange ex) {
    byte[] content = submitted(ex);
    explanation(ex, doctor.diagnose("pasted", CaseStore.withoutResolution(content)), Optional.empty(), content);
  }

  private void explanation(Exchange ex, Doctor.Diagnosed d, Optional<String> id, byte[] content) {
    Optional<String> cause = (ex.method().equals("POST") ? ex.form().first("cause") : ex.query("cause")).filter(c -> !c.isBlank());
    if (cause.isPresent() && !doctor.knowledge().causes().containsKey(cause.get())) {
      throw new HttpError(404, "no cause '" + cause.get() + "' in the knowledge base");
    }
    boolean redact = redact(ex);
    String title = d.outline().header().title();
    page(ex, 200, "explain", new Views.Explanation(frame(ex, "Explanation", id.isPresent() ? "cases" : "new"),
        title == null ? d.outline().header().source() : title, doctor.explanation(d, cause, redact), id, encode(content)));
  }

  // --- The consultation -----------------------------------------------------------------------

  private void consult(Exchange ex) {
    String start = ex.method().equals("POST") ? ex.form().first("start").orElse("") : "";
    byte[] startText = start.isEmpty() ? new byte[0] : decode(start);
    if (ex.method().equals("POST") && start.isEmpty()) {
      // from a report or the new case's page: consult from that case
      startText = CaseStore.withoutResolution(submitted(ex));
      start = encode(startText);
    }
    List<ConsultStep.Answer> answers = new ArrayList<>();
    if (ex.method().equals("POST")) {
      for (String a : ex.form().all("answer")) {
        int eq = a.indexOf('=');
        if (eq > 0) {
          answers.add(new ConsultStep.Answer(a.substring(0, eq), a.substring(eq + 1)));
        }
      }
      List<String> actions = ex.form().all("action");
      Optional<String> fact = ex.form().first("fact");
      List<String> picked = ex.form().all("reply");
      if (actions.contains("back")) {
        if (!answers.isEmpty()) {
          answers.remove(answers.size() - 1);
        }
      } else if (actions.contains("unknown") && fact.isPresent()) {
        answers.add(new ConsultStep.Answer(fact.get(), "unknown"));
      } else if (!picked.isEmpty() && fact.isPresent()) {
        answers.add(new ConsultStep.Answer(fact.get(), String.join(",", picked)));
      }
    }
    int limit = ConsultSession.DEFAULT_QUESTION_LIMIT;
    ObjectNode tree;
    try {
      tree = ConsultRequest.startFromText(doctor, startText);
    } catch (InvalidInputException e) {
      String text = new String(startText, StandardCharsets.UTF_8);
      page(ex, 422, "new", new Views.NewCase(frame(ex, "New case", "new"), text, e.errors(), listing(text, e.errors()), ""));
      return;
    }
    tree.remove("expect");
    if (!tree.has("observed")) {
      tree.put("observed", LocalDate.now(doctor.clock()).toString());
    }
    List<InputError> errors = List.of();
    ConsultStep.Position at;
    try {
      at = doctor.consult(tree, answers, limit);
    } catch (InvalidInputException e) {
      // an answer that no longer fits (a page sent twice, a hand-made form): show where it stood before it
      errors = e.errors();
      answers.remove(answers.size() - 1);
      at = doctor.consult(tree, answers, limit);
    }
    consultPage(ex, start, answers, at, errors, limit);
  }

  private void consultPage(Exchange ex, String start, List<ConsultStep.Answer> answers, ConsultStep.Position at,
      List<InputError> errors, int limit) {
    List<Views.Given> given = new ArrayList<>();
    for (ConsultStep.Answer a : answers) {
      String ask = doctor.questions().stream().filter(q -> q.fact().equals(a.question())).findFirst()
          .map(q -> q.question().ask()).orElse(a.question());
      given.add(new Views.Given(a.question(), ask, a.reply()));
    }
    String ask = "";
    String how = "";
    String cost = "";
    String fact = "";
    boolean checklist = false;
    List<String> labels = List.of();
    List<String> separates = List.of();
    List<Views.IfAnswer> ifAnswers = new ArrayList<>();
    if (at.next().isPresent()) {
      Outcome o = at.next().get();
      Askable q = o.question();
      // the terminal's hint on typing several answers; the page offers them as boxes to tick
      ask = q.list() ? q.question().ask().replace(" (several answers may be given, separated by commas)", "") : q.question().ask();
      how = q.question().how() == null ? "" : q.question().how();
      cost = switch (q.question().cost()) {
        case LOW -> "a quick check";
        case MEDIUM -> "a look on the host";
        case HIGH -> "a change on the host";
      };
      fact = q.fact();
      checklist = q.list();
      labels = List.copyOf(q.answers().keySet());
      separates = ConsultSession.separated(at.now(), o);
      o.byAnswer().forEach((label, d) -> ifAnswers.add(new Views.IfAnswer(label, ranking(d))));
    }
    String end = at.end().map(e -> switch (e) {
      case CLEAR -> "The top cause is clear: no answer to a remaining question would change it.";
      case LIMIT -> "That is " + limit + " questions; here is where the evidence stands.";
      case NOTHING_LEFT_TO_ASK -> "No remaining question would change the ranking.";
      case QUIT -> "";
    }).orElse("");
    page(ex, errors.isEmpty() ? 200 : 422, "consult", new Views.Consult(frame(ex, "Consult", "consult"), start, given,
        ranking(at.now()), Api.rankedByBaseRate(at.now()), Optional.of(at), ask, how, cost, fact, checklist, labels, separates,
        ifAnswers, end, ConsultRequest.yamlText(at.consultation().tree()), errors, limit));
  }

  private static List<Views.Rank> ranking(Diagnosis d) {
    List<Views.Rank> out = new ArrayList<>();
    for (CauseAssessment a : d.ranked().stream().limit(QuestionPicker.TOP).toList()) {
      out.add(new Views.Rank(a.cause().id(), a.cause().title(), ConsultSession.cf(a.cf())));
    }
    return out;
  }

  /** The consultation's answers as a symptom file, to download. */
  private void consultFile(Exchange ex) {
    String yaml = "# Answers given in rdp-doctor serve's consultation\n" + ex.form().first("yaml").orElse("").replace("\r\n", "\n");
    ex.header("Content-Disposition", "attachment; filename=\"consultation.yaml\"");
    ex.send(200, "application/yaml; charset=utf-8", yaml);
  }

  // --- The case store -------------------------------------------------------------------------

  private void cases(Exchange ex) throws IOException {
    Map<String, String> titles = new LinkedHashMap<>();
    doctor.knowledge().causes().forEach((id, c) -> titles.put(id, c.title()));
    page(ex, 200, "cases", new Views.Cases(frame(ex, "Cases", "cases"), store.list(), titles, store.folder().toString()));
  }

  private void save(Exchange ex) throws IOException {
    byte[] content = submitted(ex);
    if (ex.form().first("yaml").isPresent()) {
      content = ("# Answers given in rdp-doctor serve's consultation\n" + ex.form().first("yaml").get().replace("\r\n", "\n"))
          .getBytes(StandardCharsets.UTF_8);
    }
    try {
      String id = store.save(content, LocalDateTime.now(doctor.clock()));
      ex.redirect("/cases/" + id);
    } catch (InvalidInputException e) {
      String text = new String(content, StandardCharsets.UTF_8);
      page(ex, 422, "new", new Views.NewCase(frame(ex, "New case", "new"), text, e.errors(), listing(text, e.errors()), ""));
    }
  }

  private void file(Exchange ex) throws IOException {
    String id = ex.pathParam("id");
    byte[] content = found(id);
    ex.header("Content-Disposition", "attachment; filename=\"" + id + ".yaml\"");
    ex.send(200, "application/yaml; charset=utf-8", content);
  }

  private void resolve(Exchange ex) throws IOException {
    String id = ex.pathParam("id");
    byte[] content = found(id);
    Exchange.Form f = ex.form();
    LocalDate today = LocalDate.now(doctor.clock());
    List<InputError> problems = new ArrayList<>();
    LocalDate date = today;
    try {
      date = f.first("date").filter(s -> !s.isBlank()).map(LocalDate::parse).orElse(today);
    } catch (DateTimeParseException e) {
      problems.add(InputError.error("resolution", 3, 1, "'date' is not a date like 2026-11-20"));
    }
    Resolution r = new Resolution(blankless(f.first("cause")), blankless(f.first("fix")), date, blankless(f.first("by")),
        blankless(f.first("note").map(s -> s.replace("\r\n", "\n"))), f.first("confirmed").map(s -> s.equals("yes")).orElse(false));
    problems.addAll(Resolutions.problems(r, doctor.knowledge(), today));
    if (!problems.isEmpty()) {
      StoredCase summary = store.summary(id).orElseThrow(() -> new HttpError(404, "no case " + id));
      report(ex, doctor.diagnose(store.caseFile(id, content)), content, Optional.of(summary), problems);
      return;
    }
    store.resolve(id, r);
    ex.redirect("/cases/" + id + "#resolution");
  }

  private static String blankless(Optional<String> v) {
    return v.map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
  }

  private byte[] found(String id) throws IOException {
    if (!CaseStore.validId(id)) {
      throw new HttpError(404, "no case " + id + ": a case id looks like 20261120-101502-a3f9c1");
    }
    return store.read(id).orElseThrow(() -> new HttpError(404, "no case " + id));
  }

  // --- The knowledge base ---------------------------------------------------------------------

  private void knowledge(Exchange ex) {
    String q = ex.query("q").orElse("").strip();
    if (q.length() > MAX_QUERY) {
      q = q.substring(0, MAX_QUERY);
    }
    String needle = q.toLowerCase(Locale.ROOT);
    KnowledgeBase kb = doctor.knowledge();
    List<Cause> causes = kb.causes().values().stream().filter(c -> needle.isEmpty() || matches(needle, c.id(), c.title(),
        c.summary(), c.area(), String.join(" ", c.fixes().stream().map(f -> f.id() + " " + f.title()).toList()))).toList();
    List<RuleInfo> rules = kb.allRules().stream()
        .filter(r -> needle.isEmpty() || matches(needle, r.id(), r.name(), r.cause().orElse(""), r.file(),
            String.join(" ", r.sources())))
        .sorted(Comparator.comparing(RuleInfo::id))
        .toList();
    List<Source> sources = kb.sources().values().stream()
        .filter(s -> needle.isEmpty() || matches(needle, s.id(), s.title(), s.where(), Spelled.spelling(s.reliability()))).toList();
    page(ex, 200, "knowledge", new Views.Knowledge(frame(ex, "Knowledge", "knowledge"), q, causes, rules, sources,
        kb.causes().size() + kb.allRules().size() + kb.sources().size()));
  }

  private static boolean matches(String needle, String... fields) {
    for (String f : fields) {
      if (f != null && f.toLowerCase(Locale.ROOT).contains(needle)) {
        return true;
      }
    }
    return false;
  }

  // --- Signing in, errors ---------------------------------------------------------------------

  private void login(Exchange ex) {
    page(ex, 200, "login", new Views.Login(frame(ex, "Sign in", ""), ""));
  }

  private void signIn(Exchange ex) {
    String token = ex.form().first("token").orElse("");
    if (!guard.needsToken() || guard.matches(token)) {
      if (guard.needsToken()) {
        ex.setCookie(Guard.TOKEN_COOKIE, token, true);
      }
      ex.redirect("/");
      return;
    }
    page(ex, 401, "login", new Views.Login(frame(ex, "Sign in", ""), "That is not this server's token."));
  }

  /** A refusal as a page. */
  void error(Exchange ex, HttpError e) {
    if (e.status() == 401) {
      page(ex, 401, "login", new Views.Login(frame(ex, "Sign in", ""), e.getMessage()));
      return;
    }
    page(ex, e.status(), "error", new Views.Error(frame(ex, "Error " + e.status(), ""), e.status(), e.getMessage(), e.errors()));
  }

  static String encode(byte[] content) {
    return Base64.getEncoder().encodeToString(content);
  }

  static byte[] decode(String carried) {
    try {
      return Base64.getDecoder().decode(carried.strip());
    } catch (IllegalArgumentException e) {
      throw new HttpError(400, "the case carried by the page is damaged: start again from New case");
    }
  }
}
