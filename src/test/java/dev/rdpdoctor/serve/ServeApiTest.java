package dev.rdpdoctor.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rdpdoctor.Fixtures;
import dev.rdpdoctor.cli.Main;
import dev.rdpdoctor.yaml.YamlMapper;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON API on 127.0.0.1 and a free port: the shapes of the command line, the limits, the guards. */
class ServeApiTest {

  private static final ObjectMapper JSON = YamlMapper.json();
  private static final String YAML = "application/yaml";

  @TempDir static Path store;
  private static RunningServer server;

  @BeforeAll
  static void start() {
    server = new RunningServer(store);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  private static byte[] sample(String name) throws Exception {
    return Files.readAllBytes(Fixtures.SAMPLES.resolve(name));
  }

  private static JsonNode json(HttpResponse<String> r) throws Exception {
    return JSON.readTree(r.body());
  }

  /** What {@code diagnose --format json FILE} prints. */
  private static JsonNode cli(String... args) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int exit = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    assertThat(exit).isZero();
    return JSON.readTree(out.toByteArray());
  }

  @Test
  void aCaseIsDiagnosedInTheShapeDiagnoseFormatJsonWrites() throws Exception {
    HttpResponse<String> r = server.post("/api/diagnose", YAML, sample("cert-expired.yaml"));

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
    ObjectNode served = (ObjectNode) json(r);
    ObjectNode printed = (ObjectNode) cli("diagnose", "--rules", "rules", "--format", "json", "facts-samples/cert-expired.yaml");
    assertThat(served.get("case").get("file").asText()).isEqualTo("request");
    ((ObjectNode) served.get("case")).remove("file");
    ((ObjectNode) printed.get("case")).remove("file");
    served.remove("knowledge");
    printed.remove("knowledge");
    assertThat(served.equals(printed)).as("the same JSON as diagnose --format json, the file's name aside").isTrue();
    assertThat(served.get("top").asText()).isEqualTo("cert-expired");
  }

  @Test
  void withoutNextChecksTheDiagnosisIsTheSameLessThatField() throws Exception {
    String thin = "error: {code: 0x904, extended: 0x7}\n";
    ObjectNode full = (ObjectNode) json(server.post("/api/diagnose", YAML, thin));
    ObjectNode lean = (ObjectNode) json(server.post("/api/diagnose?next_checks=false", YAML, thin));

    assertThat(full.get("next_checks")).isNotEmpty();
    assertThat(lean.has("next_checks")).isFalse();
    full.remove("next_checks");
    assertThat(lean.equals(full)).isTrue();
  }

  @Test
  void formatJsonlGivesTheResultLineDiagnoseFormatJsonlWrites() throws Exception {
    String line = "{\"observed\": \"2026-11-20\", \"error\": {\"code\": \"0x904\", \"extended\": \"0x7\"},"
        + " \"certificate\": {\"not_after\": \"2026-11-18\"}, \"events\": [1058]}";
    HttpResponse<String> r = server.post("/api/diagnose?format=jsonl", "application/json", line);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Main.run(new String[] {"diagnose", "--rules", "rules", "-"}, new java.io.ByteArrayInputStream((line + "\n").getBytes(StandardCharsets.UTF_8)),
        out, new ByteArrayOutputStream());

    ObjectNode served = (ObjectNode) json(r);
    ObjectNode printed = (ObjectNode) JSON.readTree(out.toByteArray());
    assertThat(served.get("schema").asText()).isEqualTo("rdp-doctor/result/1");
    assertThat(served.get("top").asText()).isEqualTo("cert-expired");
    served.remove("case");
    printed.remove("case");
    assertThat(served.equals(printed)).isTrue();
    assertThat(server.get("/metrics").body()).containsPattern("rdpdoctor_diagnoses_total\\{top_cause=\"cert-expired\"}");
    assertThat(server.post("/api/diagnose?format=xml", "application/json", line).statusCode()).isEqualTo(400);
  }

  @Test
  void aCaseWrittenAsJsonIsDiagnosedAsItsYamlIs() throws Exception {
    String json = "{\"observed\": \"2026-11-20\", \"error\": {\"code\": \"0x904\", \"extended\": \"0x7\"},"
        + " \"certificate\": {\"not_after\": \"2026-11-18\", \"self_signed\": true}, \"events\": [1058]}";
    HttpResponse<String> r = server.post("/api/diagnose", "application/json", json);

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(json(r).get("top").asText()).isEqualTo("cert-expired");
  }

  @Test
  void aBadCaseGetsEveryLocatedErrorAndStatus422() throws Exception {
    HttpResponse<String> r = server.post("/api/diagnose", YAML, "titel: typo\nerror:\n  code: 0x904\n  affects: nobody\n");

    assertThat(r.statusCode()).isEqualTo(422);
    JsonNode body = json(r);
    assertThat(body.get("schema").asText()).isEqualTo("rdp-doctor/error/1");
    assertThat(body.get("errors")).hasSize(2);
    assertThat(body.get("errors").get(0).get("line").asInt()).isEqualTo(1);
    assertThat(body.get("errors").get(0).get("message").asText()).contains("unknown key 'titel'").contains("did you mean 'title'");
    assertThat(body.get("errors").get(1).get("line").asInt()).isEqualTo(4);
    assertThat(body.get("errors").get(1).get("file").asText()).isEqualTo("request");
  }

  @Test
  void validateSaysWhetherACaseReadsWithoutDiagnosingIt() throws Exception {
    JsonNode good = json(server.post("/api/validate", YAML, sample("cert-expired.yaml")));
    JsonNode bad = json(server.post("/api/validate", YAML, "error:\n  code: 0xZZZ\n"));

    assertThat(good.get("valid").asBoolean()).isTrue();
    assertThat(good.get("errors")).isEmpty();
    assertThat(bad.get("valid").asBoolean()).isFalse();
    assertThat(bad.get("errors").get(0).get("line").asInt()).isEqualTo(2);
  }

  @Test
  void explainGivesTheTextExplainPrintsForTheCauseAsked() throws Exception {
    HttpResponse<String> r = server.post("/api/explain?cause=cert-expired", YAML, sample("cert-expired.yaml"));
    HttpResponse<String> unknown = server.post("/api/explain?cause=no-such-cause", YAML, sample("cert-expired.yaml"));

    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode body = json(r);
    assertThat(body.get("schema").asText()).isEqualTo("rdp-doctor/explanation/1");
    assertThat(body.get("text").asText()).contains("cert-expired");
    assertThat(body.get("diagnosis").get("top").asText()).isEqualTo("cert-expired");
    assertThat(unknown.statusCode()).isEqualTo(404);
  }

  @Test
  void redactReplacesTheCaseNamesInTheDiagnosis() throws Exception {
    String yaml = "title: rdp01.corp.example refuses CORP\\jsmith\nerror: {code: 0x904, extended: 0x7}\n"
        + "host: {name: rdp01.corp.example}\nevents: [1058]\n";
    String plain = server.post("/api/diagnose", YAML, yaml).body();
    String redacted = server.post("/api/diagnose?redact=true", YAML, yaml).body();

    assertThat(plain).contains("rdp01.corp.example");
    assertThat(redacted).doesNotContain("rdp01").doesNotContain("jsmith").contains("host-1");
  }

  /** The consultation on the sample with only the error code: three answers, then the same three without the last. */
  @Test
  void theConsultationStepsWithoutStateAndGoesBackByLeavingOutTheLastAnswer() throws Exception {
    String start = new String(sample("code-only.yaml"), StandardCharsets.UTF_8);
    List<JsonNode> steps = new ArrayList<>();
    ArrayNodeBuilder answers = new ArrayNodeBuilder();
    JsonNode step = consult(start, answers);
    for (int i = 0; i < 3; i++) {
      steps.add(step);
      JsonNode q = step.get("question");
      assertThat(q.isNull()).as("a question at step %d", i + 1).isFalse();
      answers.add(q.get("fact").asText(), q.get("answers").get(0).asText());
      step = consult(start, answers);
      assertThat(step.get("asked").asInt()).isEqualTo(i + 1);
    }
    answers.removeLast();
    JsonNode back = consult(start, answers);

    assertThat(back.get("question")).isEqualTo(steps.get(2).get("question"));
    assertThat(back.get("ranking")).isEqualTo(steps.get(2).get("ranking"));
    assertThat(steps.get(0).get("question").get("separates")).isNotEmpty();
    assertThat(steps.get(0).get("question").get("if").size()).isEqualTo(steps.get(0).get("question").get("answers").size());
  }

  @Test
  void aConsultationAnswerThatIsNotAnAnswerIsALocatedError() throws Exception {
    ArrayNodeBuilder answers = new ArrayNodeBuilder();
    answers.add("certificate.expired", "perhaps");
    answers.add("no.such.question", "yes");
    HttpResponse<String> r = server.post("/api/consult", "application/json", "{\"answers\": " + answers + "}");

    assertThat(r.statusCode()).isEqualTo(422);
    JsonNode errors = json(r).get("errors");
    assertThat(errors).hasSize(2);
    assertThat(errors.get(0).get("line").asInt()).isEqualTo(1);
    assertThat(errors.get(0).get("message").asText()).contains("'perhaps' is not an answer");
    assertThat(errors.get(1).get("message").asText()).contains("no question asks about 'no.such.question'");
  }

  @Test
  void aConsultationThatEndsGivesTheDiagnosis() throws Exception {
    HttpResponse<String> r = server.post("/api/consult", "application/json",
        "{\"case\": " + JSON.writeValueAsString(new String(sample("cert-expired.yaml"), StandardCharsets.UTF_8))
            + ", \"max_questions\": 1, \"answers\": [{\"question\": \"error.message\", \"answer\": \"unknown\"}]}");

    JsonNode body = json(r);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(body.get("end").asText()).isEqualTo("limit");
    assertThat(body.get("question").isNull()).isTrue();
    assertThat(body.get("diagnosis").get("top").asText()).isEqualTo("cert-expired");
  }

  private static JsonNode consult(String start, ArrayNodeBuilder answers) throws Exception {
    HttpResponse<String> r = server.post("/api/consult", "application/json",
        "{\"case\": " + JSON.writeValueAsString(start) + ", \"answers\": " + answers + "}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return json(r);
  }

  /** Answers as the API takes them. */
  static final class ArrayNodeBuilder {
    private final com.fasterxml.jackson.databind.node.ArrayNode answers = JSON.createArrayNode();

    void add(String question, String answer) {
      answers.addObject().put("question", question).put("answer", answer);
    }

    void removeLast() {
      answers.remove(answers.size() - 1);
    }

    @Override
    public String toString() {
      return answers.toString();
    }
  }

  @Test
  void aSavedCaseIsListedDiagnosedAndGivenItsResolutionAndItsFileKeepsWhatWasWritten() throws Exception {
    byte[] sample = sample("cert-expired.yaml");
    HttpResponse<String> saved = server.post("/api/cases", YAML, sample);
    assertThat(saved.statusCode()).isEqualTo(201);
    String id = json(saved).get("id").asText();
    assertThat(saved.headers().firstValue("Location")).hasValue("/api/cases/" + id);

    JsonNode listed = json(server.get("/api/cases")).get("cases");
    JsonNode diagnosis = json(server.get("/api/cases/" + id + "/diagnosis"));
    HttpResponse<String> resolved = server.send("/api/cases/" + id + "/resolution", "PUT", "application/json",
        "{\"cause\": \"cert-expired\", \"fix\": \"renew-self-signed-cert\", \"date\": \"2026-11-21\", \"by\": \"service desk\", \"confirmed\": true}"
            .getBytes(StandardCharsets.UTF_8));

    assertThat(listed.findValuesAsText("id")).contains(id);
    assertThat(diagnosis.get("top").asText()).isEqualTo("cert-expired");
    assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(200);
    assertThat(json(resolved).get("resolved").asBoolean()).isTrue();
    String file = Files.readString(store.resolve(id + ".yaml"));
    assertThat(file).startsWith(new String(sample, StandardCharsets.UTF_8));
    assertThat(file.substring(sample.length)).isEqualTo("resolution:\n  cause: cert-expired\n  fix: renew-self-signed-cert\n"
        + "  date: 2026-11-21\n  by: service desk\n  confirmed: true\n");
    assertThat(json(server.get("/api/cases/" + id + "/diagnosis")).get("top").asText()).isEqualTo("cert-expired");
    try (var files = Files.list(store)) {
      assertThat(files.map(p -> p.getFileName().toString())).allMatch(n -> n.matches("[0-9]{8}-[0-9]{6}-[0-9a-f]{6}\\.yaml"));
    }
  }

  @Test
  void aResolutionNamingNoCauseOfTheKnowledgeBaseIsRefusedAndTheFileIsUnchanged() throws Exception {
    String id = json(server.post("/api/cases", YAML, sample("cert-expired.yaml"))).get("id").asText();
    byte[] before = Files.readAllBytes(store.resolve(id + ".yaml"));

    HttpResponse<String> r = server.send("/api/cases/" + id + "/resolution", "PUT", "application/json",
        "{\"cause\": \"cert-expird\"}".getBytes(StandardCharsets.UTF_8));

    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(json(r).get("errors").get(0).get("message").asText()).contains("did you mean 'cert-expired'");
    assertThat(Files.readAllBytes(store.resolve(id + ".yaml"))).isEqualTo(before);
  }

  @Test
  void aCaseIdThatIsNotOneNeverReachesTheFileSystem() throws Exception {
    Files.writeString(store.getParent().resolve("secret.yaml"), "title: not in the store\n");
    for (String path : List.of("/api/cases/..%2Fsecret", "/api/cases/%2e%2e%2fsecret", "/api/cases/secret",
        "/api/cases/20261120-101502-zzzzzz", "/api/cases/..%2F..%2Fetc%2Fpasswd/diagnosis", "/cases/..%2Fsecret/file")) {
      HttpResponse<String> r = server.get(path);
      assertThat(r.statusCode()).as(path).isIn(400, 404);
      assertThat(r.body()).as(path).doesNotContain("not in the store");
    }
  }

  @Test
  void aBodyOverTheLimitIsRefusedBeforeItIsRead() throws Exception {
    // only the head is sent, asking first: a server that waited for the body would not answer
    // within the socket's timeout, and one that read it would answer 100 Continue
    String answer = raw(head(ServeSettings.DEFAULT_MAX_REQUEST_BYTES + 1, "Expect: 100-continue"));

    assertThat(answer).startsWith("HTTP/1.1 413").contains("KiB, the most the server takes");
  }

  @Test
  void aBodyFarOverTheLimitIsRefusedUnreadWithoutBeingAsked() throws Exception {
    String answer = raw(head(ServeSettings.DEFAULT_MAX_REQUEST_BYTES + Exchange.DROPPED_PAST_THE_LIMIT + 1));

    assertThat(answer).startsWith("HTTP/1.1 413").contains("KiB, the most the server takes");
  }

  /** A client that sends all of its body before it reads the answer still hears why, every time. */
  @Test
  void aBodyOverTheLimitSentWholeIsAnsweredWithWhy() throws Exception {
    byte[] big = new byte[(int) ServeSettings.DEFAULT_MAX_REQUEST_BYTES + 1];
    java.util.Arrays.fill(big, (byte) 'a');

    for (int i = 0; i < 5; i++) {
      HttpResponse<String> r = server.post("/api/diagnose", YAML, big);

      assertThat(r.statusCode()).isEqualTo(413);
      assertThat(json(r).get("error").asText()).contains("KiB, the most the server takes");
    }
  }

  private static String head(long length, String... headers) {
    return "POST /api/diagnose HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + YAML + "\r\nContent-Length: " + length
        + "\r\n" + String.join("", java.util.Arrays.stream(headers).map(h -> h + "\r\n").toList())
        + "Connection: close\r\n\r\n";
  }

  @Test
  void aCaseOverTheSymptomFilesLimitIsItsLocatedError() throws Exception {
    String big = "title: " + "x".repeat(300 * 1024) + "\n";

    HttpResponse<String> r = server.post("/api/diagnose", YAML, big);

    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(json(r).get("errors").get(0).get("message").asText()).contains("256 KiB");
  }

  /** The files of an evidence folder of the samples, zipped as the collectors zip them. */
  static byte[] zipped(String folder) throws Exception {
    Path root = Fixtures.SAMPLES.resolve("evidence").resolve(folder);
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes); var files = Files.list(root)) {
      for (Path f : files.sorted().toList()) {
        zip.putNextEntry(new java.util.zip.ZipEntry(folder + "/" + f.getFileName()));
        zip.write(Files.readAllBytes(f));
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  @Test
  void evidenceSentAsAZipIsDiagnosedAsDiagnoseEvidencePrintsItsFolder() throws Exception {
    HttpResponse<String> r = server.post("/api/evidence?name=host.zip", "application/zip", zipped("machinekeys-inaccessible"));

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode served = json(r);
    assertThat(served.get("schema").asText()).isEqualTo("rdp-doctor/evidence/1");
    assertThat(served.get("read")).extracting(f -> f.get("name").asText())
        .contains("machinekeys-inaccessible/icacls-MachineKeys.txt", "machinekeys-inaccessible/System.csv");
    assertThat(served.get("errors")).isEmpty();
    ObjectNode diagnosis = (ObjectNode) served.get("diagnosis");
    ObjectNode printed = (ObjectNode) cli("diagnose", "--rules", "rules", "--format", "json", "--evidence",
        "facts-samples/evidence/machinekeys-inaccessible");
    assertThat(diagnosis.get("top").asText()).isEqualTo(printed.get("top").asText()).isEqualTo("machinekeys-inaccessible");
    assertThat(diagnosis.get("ranking")).isEqualTo(printed.get("ranking"));
    String file = served.get("symptom_file").asText();
    assertThat(file).contains("# Where each value was found:").contains("icacls-MachineKeys.txt");
    HttpResponse<String> again = server.post("/api/diagnose", YAML, file);
    assertThat(json(again).get("top").asText()).as("the symptom file it gives diagnoses the same").isEqualTo("machinekeys-inaccessible");
  }

  @Test
  void evidenceWithAnEntryNamedOutsideTheZipIsALocatedErrorAndTheRestIsRead() throws Exception {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
      zip.putNextEntry(new java.util.zip.ZipEntry("../../etc/cron.d/x"));
      zip.write("* * * * * root true\n".getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new java.util.zip.ZipEntry("icacls.txt"));
      zip.write(Files.readAllBytes(Fixtures.SAMPLES.resolve("evidence/machinekeys-inaccessible/icacls-MachineKeys.txt")));
      zip.putNextEntry(new java.util.zip.ZipEntry("notes.txt"));
      zip.write("the user says it worked yesterday\n".getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> r = server.post("/api/evidence", "application/zip", bytes.toByteArray());

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode served = json(r);
    assertThat(served.get("errors")).hasSize(1);
    assertThat(served.get("errors").get(0).get("file").asText()).isEqualTo("request!/../../etc/cron.d/x");
    assertThat(served.get("errors").get(0).get("message").asText()).contains("path traversal");
    assertThat(served.get("read")).extracting(f -> f.get("name").asText()).containsExactly("icacls.txt");
    assertThat(served.get("skipped")).extracting(f -> f.get("name").asText()).containsExactly("notes.txt");
  }

  @Test
  void evidenceMayBeLargerThanACaseButNotBeyondItsOwnLimit() throws Exception {
    byte[] overCase = new byte[(int) ServeSettings.DEFAULT_MAX_REQUEST_BYTES + 1];
    java.util.Arrays.fill(overCase, (byte) 'a');
    byte[] overEvidence = new byte[(int) ServeSettings.DEFAULT_MAX_EVIDENCE_BYTES + 1];

    HttpResponse<String> taken = server.post("/api/evidence", "application/octet-stream", overCase);
    HttpResponse<String> refused = server.post("/api/evidence", "application/zip", overEvidence);

    assertThat(taken.statusCode()).as(taken.body()).isEqualTo(200);
    assertThat(json(taken).get("skipped").get(0).get("why").asText()).contains("not an export");
    assertThat(refused.statusCode()).isEqualTo(413);
    assertThat(json(refused).get("error").asText()).contains("16384 KiB");
    byte[] overFile = new byte[(4 << 20) + 1];
    java.util.Arrays.fill(overFile, (byte) 'a');
    HttpResponse<String> oneFileTooLarge = server.post("/api/evidence?name=big.xml", "application/octet-stream", overFile);
    assertThat(json(oneFileTooLarge).get("errors").get(0).get("message").asText())
        .as("the server reads a file of at most 4 MiB, less than the command line").startsWith("larger than 4 MiB");
  }

  @Test
  void aNameGivenWithTheEvidenceStaysInItsCommentAndAddsNothingToTheSymptomFile() throws Exception {
    String name = java.net.URLEncoder.encode("host.zip\ntitle: injected\u2028rdp:", StandardCharsets.UTF_8);

    HttpResponse<String> r = server.post("/api/evidence?name=" + name, "application/zip", zipped("machinekeys-inaccessible"));

    String file = json(r).get("symptom_file").asText();
    assertThat(file.lines().findFirst().orElseThrow()).startsWith("# Made by rdp-doctor from the evidence host.zip title: injected");
    assertThat(file).doesNotContain("\ntitle: injected");
    assertThat(json(server.post("/api/validate", YAML, file)).get("valid").asBoolean()).isTrue();
  }

  @Test
  void evidenceIsTakenOnlyInMediaTypesAnotherSitesPageCannotSendUnasked() throws Exception {
    for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x")) {
      HttpResponse<String> r = server.post("/api/evidence", type, zipped("cert-expired"));
      assertThat(r.statusCode()).as(type).isEqualTo(415);
    }
  }

  @Test
  void redactedEvidenceHidesTheMachinesItCameFrom() throws Exception {
    HttpResponse<String> plain = server.post("/api/evidence?name=APP07.zip", "application/zip", zipped("machinekeys-inaccessible"));
    HttpResponse<String> redacted = server.post("/api/evidence?name=APP07.zip&redact=true", "application/zip",
        zipped("machinekeys-inaccessible"));

    assertThat(plain.body()).contains("APP07");
    assertThat(redacted.statusCode()).isEqualTo(200);
    assertThat(redacted.body()).doesNotContain("APP07");
    assertThat(json(redacted).get("diagnosis").get("top").asText()).isEqualTo("machinekeys-inaccessible");
  }

  /** A page elsewhere can post text/plain (or a form) to any address without asking: the API takes neither. */
  @Test
  void theApiTakesNoBodyAnotherSitesPageCouldSendUnasked() throws Exception {
    for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x")) {
      HttpResponse<String> r = server.post("/api/cases", type, "title: from elsewhere\n");
      assertThat(r.statusCode()).as(type).isEqualTo(415);
    }
    try (var files = Files.list(store)) {
      assertThat(files.filter(p -> p.toString().endsWith(".yaml")).map(p -> {
        try {
          return Files.readString(p);
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      })).noneMatch(t -> t.contains("from elsewhere"));
    }
  }

  @Test
  void aPagesFormWithoutItsCsrfFieldOrFromAnotherSiteIsRefused() throws Exception {
    String form = "text=" + java.net.URLEncoder.encode("title: t\n", StandardCharsets.UTF_8);
    HttpResponse<String> page = server.get("/");
    String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    String token = cookie.substring(cookie.indexOf('=') + 1);

    HttpResponse<String> none = server.post("/cases", "application/x-www-form-urlencoded", form, "Cookie", cookie);
    HttpResponse<String> wrong = server.post("/cases", "application/x-www-form-urlencoded", form + "&csrf=" + "0".repeat(32), "Cookie", cookie);
    HttpResponse<String> crossSite = server.post("/cases", "application/x-www-form-urlencoded", form + "&csrf=" + token,
        "Cookie", cookie, "Sec-Fetch-Site", "cross-site");
    HttpResponse<String> good = server.post("/cases", "application/x-www-form-urlencoded", form + "&csrf=" + token, "Cookie", cookie);

    assertThat(page.headers().firstValue("Set-Cookie").orElseThrow()).contains("HttpOnly").contains("SameSite=Strict");
    assertThat(none.statusCode()).isEqualTo(403);
    assertThat(wrong.statusCode()).isEqualTo(403);
    assertThat(crossSite.statusCode()).isEqualTo(403);
    assertThat(good.statusCode()).isEqualTo(303);
    assertThat(good.headers().firstValue("Location").orElseThrow()).matches("/cases/[0-9]{8}-[0-9]{6}-[0-9a-f]{6}");
  }

  /** A page on another site whose name was rebound to 127.0.0.1 names its own host: refused. */
  @Test
  void aRequestForAnotherHostNameIsRefused() throws Exception {
    String other = raw("GET /api/cases HTTP/1.1\r\nHost: evil.example:" + server.server.port() + "\r\nConnection: close\r\n\r\n");
    String local = raw("GET /health HTTP/1.1\r\nHost: localhost:" + server.server.port() + "\r\nConnection: close\r\n\r\n");

    assertThat(other).startsWith("HTTP/1.1 421");
    assertThat(local).startsWith("HTTP/1.1 200");
  }

  private static String raw(String request) throws Exception {
    try (Socket s = new Socket("127.0.0.1", server.server.port())) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** A client that sends part of a request and then nothing holds its connection no longer than the idle time. */
  @Test
  void aClientThatStopsSendingIsCutOffAfterTheIdleTime(@TempDir Path other) throws Exception {
    ServeSettings quick = new ServeSettings("127.0.0.1", 0, other, Optional.empty(), List.of(),
        ServeSettings.DEFAULT_MAX_REQUEST_BYTES, ServeSettings.DEFAULT_MAX_EVIDENCE_BYTES, java.time.Duration.ofSeconds(1), 4, java.time.Duration.ofSeconds(1), 8);
    try (RunningServer slow = new RunningServer(quick); Socket s = new Socket("127.0.0.1", slow.server.port())) {
      s.setSoTimeout(15_000);
      s.getOutputStream().write(("POST /api/diagnose HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
          + "Content-Length: 100\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
      s.getOutputStream().flush();
      long start = System.nanoTime();
      byte[] answer = s.getInputStream().readAllBytes();
      double seconds = (System.nanoTime() - start) / 1e9;

      assertThat(seconds).isLessThan(10);
      assertThat(answer.length == 0 || new String(answer, StandardCharsets.UTF_8).matches("(?s)HTTP/1.1 (400|408|500).*")).isTrue();
    }
  }

  @Test
  void everyResponseCarriesAStrictContentSecurityPolicy() {
    for (String path : List.of("/", "/health", "/api/cases", "/knowledge", "/nothing-here")) {
      HttpResponse<String> r = server.get(path);
      assertThat(r.headers().firstValue("Content-Security-Policy")).as(path)
          .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'none'").contains("script-src 'self'")
              .contains("frame-ancestors 'none'").doesNotContain("unsafe"));
      assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
    }
  }

  @Test
  void theOpenApiDocumentDescribesEveryRouteOfTheApiAndNoOther() throws Exception {
    JsonNode doc = JSON.readTree(server.get("/api/openapi.json").body());
    Set<String> described = new TreeSet<>();
    doc.get("paths").fields().forEachRemaining(p -> p.getValue().fieldNames()
        .forEachRemaining(m -> described.add(m.toUpperCase(java.util.Locale.ROOT) + " " + p.getKey())));
    Set<String> served = new TreeSet<>(server.server.apiRoutes());
    served.add("GET /health");
    served.add("GET /ready");

    assertThat(doc.get("openapi").asText()).startsWith("3.");
    assertThat(described).isEqualTo(served);
  }

  @Test
  void healthAndReadinessAnswer() throws Exception {
    assertThat(json(server.get("/health")).get("status").asText()).isEqualTo("up");
    HttpResponse<String> ready = server.get("/ready");
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(json(ready).get("store").asText()).isEqualTo("writable");
  }

  @Test
  void metricsCountRequestsTheirLatencyAndDiagnosesPerTopCause() throws Exception {
    server.post("/api/diagnose", YAML, sample("cert-expired.yaml"));

    String metrics = server.get("/metrics").body();

    assertThat(metrics).contains("rdpdoctor_http_requests_total{method=\"POST\",route=\"/api/diagnose\",status=\"200\"}");
    assertThat(metrics).contains("rdpdoctor_http_request_duration_seconds_bucket{route=\"/api/diagnose\",le=\"0.005\"}");
    assertThat(metrics).containsPattern("rdpdoctor_diagnoses_total\\{top_cause=\"cert-expired\"} [1-9]");
    assertThat(metrics).contains("rdpdoctor_jvm_memory_used_bytes{area=\"heap\"}");
  }

  @Test
  void withATokenEveryRequestButHealthAndReadinessMustCarryIt(@TempDir Path other) throws Exception {
    String token = "a-token-of-enough-length";
    try (RunningServer guarded = new RunningServer(ServeSettings.of("127.0.0.1", 0, other, Optional.of(token), List.of()))) {
      assertThat(guarded.get("/api/cases").statusCode()).isEqualTo(401);
      assertThat(guarded.get("/api/cases").headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
      assertThat(guarded.get("/api/cases", "Authorization", "Bearer wrong-token-of-some-length").statusCode()).isEqualTo(401);
      assertThat(guarded.get("/api/cases", "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);
      assertThat(guarded.get("/").statusCode()).isEqualTo(401);
      assertThat(guarded.get("/", "Cookie", Guard.TOKEN_COOKIE + "=" + token).statusCode()).isEqualTo(200);
      assertThat(guarded.get("/health").statusCode()).isEqualTo(200);
      assertThat(guarded.get("/ready").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void servingBeyondThisMachineNeedsATokenOfSixteenCharactersOrMore() {
    assertThat(ServeSettings.of("0.0.0.0", 0, store, Optional.empty(), List.of()).problem()).hasValueSatisfying(
        p -> assertThat(p).contains("needs a token").contains("reverse proxy"));
    assertThat(ServeSettings.of("0.0.0.0", 0, store, Optional.of("short"), List.of()).problem()).isPresent();
    assertThat(ServeSettings.of("0.0.0.0", 0, store, Optional.of("sixteen-chars-ok"), List.of()).problem()).isEmpty();
    assertThat(ServeSettings.of("127.0.0.1", 0, store, Optional.empty(), List.of()).problem()).isEmpty();
    assertThat(ServeSettings.of("localhost", 0, store, Optional.empty(), List.of()).problem()).isEmpty();
    assertThat(ServeSettings.of("::1", 0, store, Optional.empty(), List.of()).problem()).isEmpty();
    assertThat(ServeSettings.of("rdp01.corp.example", 0, store, Optional.empty(), List.of()).problem()).isPresent();
  }

  @Test
  void theStoreIsUnderTheUsersDataFolder() {
    assertThat(ServeSettings.defaultStore(Optional.of("/data"), "/home/u")).isEqualTo(Path.of("/data/rdp-doctor/cases"));
    assertThat(ServeSettings.defaultStore(Optional.empty(), "/home/u")).isEqualTo(Path.of("/home/u/.local/share/rdp-doctor/cases"));
    assertThat(ServeSettings.defaultStore(Optional.of("relative"), "/home/u")).isEqualTo(Path.of("/home/u/.local/share/rdp-doctor/cases"));
  }
}
