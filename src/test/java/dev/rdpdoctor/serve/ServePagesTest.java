package dev.rdpdoctor.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rdpdoctor.Fixtures;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pages as a browser without JavaScript gets them: forms posted, HTML read with jsoup. */
class ServePagesTest {

  @TempDir static Path store;
  private static RunningServer server;
  private static String cookie;
  private static String csrf;

  @BeforeAll
  static void start() {
    server = new RunningServer(store);
    HttpResponse<String> first = server.get("/");
    cookie = first.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    csrf = cookie.substring(cookie.indexOf('=') + 1);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  private static HttpResponse<String> postForm(String path, Map<String, String> fields) {
    Map<String, String> all = new LinkedHashMap<>(fields);
    all.put("csrf", csrf);
    String body = all.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    return server.post(path, "application/x-www-form-urlencoded", body, "Cookie", cookie);
  }

  @Test
  void aPastedCaseWithAnErrorShowsTheErrorAtItsLine() {
    HttpResponse<String> r = postForm("/diagnose", Map.of("text", "title: t\nerror:\n  code: 0x904\n  affects: nobody\n"));

    assertThat(r.statusCode()).isEqualTo(422);
    Document page = Jsoup.parse(r.body());
    Element line = page.getElementById("line-4");
    assertThat(line.hasClass("bad")).isTrue();
    assertThat(line.nextElementSibling().text()).contains("'nobody' is not allowed").contains("everyone");
    assertThat(page.select("textarea#text").text()).contains("affects: nobody");
    assertThat(page.select(".errors li").text()).contains("pasted:4:");
  }

  @Test
  void aPastedCaseIsDiagnosedWithItsFixRiskRollbackAndVerification() throws Exception {
    HttpResponse<String> r = postForm("/diagnose", Map.of("text", Files.readString(Fixtures.SAMPLES.resolve("cert-expired.yaml"))));

    assertThat(r.statusCode()).isEqualTo(200);
    Document page = Jsoup.parse(r.body());
    Element top = page.selectFirst(".card.top");
    assertThat(top.select("h2").text()).contains("[cert-expired]");
    assertThat(top.select(".fix.first h3").text()).contains("Fix first").contains("risk low").contains("restarts a service");
    assertThat(top.text()).contains("Roll back:").contains("Verify:");
    assertThat(page.select("textarea#markdown").text()).contains("cert-expired");
    assertThat(page.select("form[action=/explain] input[name=case]").attr("value")).isNotEmpty();
  }

  /** A form sent as multipart, as a browser sends one with files: its fields, then each file under its field's name. */
  private static HttpResponse<String> postFiles(String path, Map<String, String> fields, String fileField, Map<String, byte[]> files) {
    String boundary = "----rdp-doctor-test-boundary";
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    Map<String, String> all = new LinkedHashMap<>(fields);
    all.put("csrf", csrf);
    all.forEach((k, v) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n" + v
        + "\r\n").getBytes(StandardCharsets.UTF_8)));
    files.forEach((name, content) -> {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\"" + name
          + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      body.writeBytes(content);
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    });
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return server.post(path, "multipart/form-data; boundary=" + boundary, body.toByteArray(), "Cookie", cookie);
  }

  /** The files of an evidence folder of the samples, as a browser uploads a folder: each named under the folder. */
  private static Map<String, byte[]> folder(String name) throws Exception {
    Map<String, byte[]> files = new LinkedHashMap<>();
    try (var list = Files.list(Fixtures.SAMPLES.resolve("evidence").resolve(name))) {
      for (Path f : list.sorted().toList()) {
        files.put(name + "/" + f.getFileName(), Files.readAllBytes(f));
      }
    }
    return files;
  }

  @Test
  void anEvidenceFolderUploadedIsReadDiagnosedAndCarriedOnAsTheSymptomFileItMakes() throws Exception {
    HttpResponse<String> r = postFiles("/diagnose", Map.of("text", ""), "evidence", folder("machinekeys-inaccessible"));

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    Document page = Jsoup.parse(r.body());
    assertThat(page.select(".card.top h2").text()).contains("[machinekeys-inaccessible]");
    Element evidence = page.selectFirst("section.evidence");
    assertThat(evidence.select("h2").text()).isEqualTo("Evidence read");
    assertThat(evidence.select("td code").eachText()).contains("machinekeys-inaccessible/icacls-MachineKeys.txt");
    assertThat(page.selectFirst(".case-head .meta").text()).contains("evidence machinekeys-inaccessible/");
    String carried = new String(java.util.Base64.getDecoder().decode(
        page.select("form[action=/cases] input[name=case]").attr("value")), StandardCharsets.UTF_8);
    assertThat(carried).contains("# Where each value was found:").contains("machine_keys_acl_ok: false");
  }

  @Test
  void aPastedCaseWinsOverTheEvidenceAndTheirDisagreementIsShown() throws Exception {
    String text = "title: keys said to be fine\nrdp:\n  machine_keys_acl_ok: true\n";

    HttpResponse<String> r = postFiles("/diagnose", Map.of("text", text), "evidence", folder("machinekeys-inaccessible"));

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    Document page = Jsoup.parse(r.body());
    assertThat(page.select("h1").text()).isEqualTo("keys said to be fine");
    assertThat(page.select("section.warn li").text()).contains("rdp.machine_keys_acl_ok").contains("stated true")
        .contains("icacls-MachineKeys.txt");
  }

  @Test
  void evidenceThatCannotBeReadIsSaidByFileAndTheRestIsRead() throws Exception {
    Map<String, byte[]> files = new LinkedHashMap<>(folder("machinekeys-inaccessible"));
    files.put("machinekeys-inaccessible/broken.reg", "Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\SYSTEM\r\n\"x\"=dword:zz\r\n"
        .getBytes(StandardCharsets.UTF_8));
    files.put("machinekeys-inaccessible/photo.jpg", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0, 1, 2, 0, 0});

    HttpResponse<String> r = postFiles("/diagnose", Map.of(), "evidence", files);

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    Element evidence = Jsoup.parse(r.body()).selectFirst("section.evidence");
    assertThat(evidence.select("ul.problems li").text()).contains("machinekeys-inaccessible/broken.reg:");
    assertThat(evidence.text()).contains("photo.jpg").contains("not text");
    assertThat(Jsoup.parse(r.body()).select(".card.top h2").text()).contains("[machinekeys-inaccessible]");
  }

  @Test
  void theRedactCheckboxRedactsTheReportAndItsMarkdown() {
    String yaml = "title: rdp01.corp.example refuses CORP\\jsmith\nerror: {code: 0x904, extended: 0x7}\nhost: {name: rdp01.corp.example}\n";
    String page = postForm("/diagnose", Map.of("text", yaml, "redact", "on")).body();

    assertThat(Jsoup.parse(page).select("main").text()).doesNotContain("rdp01").doesNotContain("jsmith").contains("host-1");
    assertThat(Jsoup.parse(page).select("textarea#markdown").text()).doesNotContain("rdp01");
  }

  @Test
  void theFormOfTheVocabularyBecomesACaseAndItsErrorsAreShownAtTheirFields() {
    HttpResponse<String> good = postForm("/form", Map.of("error.code", "0x904", "error.extended", "0x7",
        "certificate.not_after", "2020-01-01", "events[2].id", "1058", "error.affects", "everyone"));
    HttpResponse<String> bad = postForm("/form", Map.of("error.code", "0xZZZ", "events[2].machine", "host",
        "events[0].source", "Schannel"));

    assertThat(good.statusCode()).isEqualTo(200);
    assertThat(Jsoup.parse(good.body()).select(".card.top h2").text()).contains("[cert-expired]");
    assertThat(bad.statusCode()).isEqualTo(422);
    Document page = Jsoup.parse(bad.body());
    Element code = page.getElementById("f-error.code").parent();
    assertThat(code.hasClass("bad")).isTrue();
    assertThat(code.select(".field-error").text()).contains("0xZZZ");
    assertThat(page.getElementById("g-events[2]").select(".field-error").text()).as(page.select(".field-error, .errors").text()).contains("an event needs its id");
    assertThat(page.getElementById("g-events[0]").select(".field-error")).isEmpty();
    assertThat(page.getElementById("f-events[0].source").attr("value")).isEqualTo("Schannel");
    assertThat(page.select("#f-events\\[2\\]\\.machine option[selected]").text()).isEqualTo("host");
  }

  @Test
  void everyFormOfThePagesCarriesItsCsrfField() {
    for (String path : new String[] {"/", "/form", "/consult"}) {
      Document page = Jsoup.parse(server.get(path, "Cookie", cookie).body());
      for (Element form : page.select("form[method=post]")) {
        assertThat(form.select("input[name=csrf]").attr("value")).as(path + " " + form.attr("action")).isEqualTo(csrf);
      }
    }
  }

  /** Script tags, a very long title and a right-to-left override in a case: shown as text, the layout kept. */
  @Test
  void hostileValuesInACaseAreShownAsText() {
    String title = "<script>alert('x')</script><img src=x onerror=alert(1)> \u202Egnp.exe " + "W".repeat(5000);
    String yaml = "title: \"" + title.replace("\u202E", "\\u202E") + "\"\nerror: {code: 0x904, extended: 0x7}\nevents: [1058]\n";

    HttpResponse<String> r = postForm("/diagnose", Map.of("text", yaml));

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).doesNotContain("<script>alert").doesNotContain("<img src=x").doesNotContain("\u202E");
    Document page = Jsoup.parse(r.body());
    assertThat(page.select("script")).hasSize(1);
    assertThat(page.select("script").attr("src")).isEqualTo("/static/app.js");
    assertThat(page.select("img")).isEmpty();
    assertThat(page.select("h1").text()).startsWith("<script>alert('x')</script>").contains("\\u202egnp.exe");
  }

  @Test
  void theConsultationAsksOneQuestionAtATimeAndGoesBack() {
    Document first = Jsoup.parse(server.get("/consult", "Cookie", cookie).body());
    String fact = first.select("input[name=fact]").attr("value");
    String question = first.select(".ask").text();
    String answer = first.select("input[name=reply], button[name=reply]").first().attr("value");

    Document second = Jsoup.parse(postForm("/consult", Map.of("start", "", "fact", fact, "reply", answer)).body());
    String kept = second.select("input[name=answer]").attr("value");
    Document back = Jsoup.parse(postForm("/consult", Map.of("start", "", "answer", kept, "action", "back")).body());

    assertThat(kept).isEqualTo(fact + "=" + answer);
    assertThat(second.select(".ask").text()).isNotEqualTo(question);
    assertThat(second.select("h2#q").text()).startsWith("Question 2");
    assertThat(back.select(".ask").text()).isEqualTo(question);
    assertThat(back.select("input[name=answer]")).isEmpty();
  }

  @Test
  void theKnowledgeBaseIsSearchedOnTheServer() {
    Document all = Jsoup.parse(server.get("/knowledge").body());
    Document some = Jsoup.parse(server.get("/knowledge?q=machinekeys").body());

    assertThat(all.select("details.searchable")).hasSize(RunningServer.knowledge().causes().size());
    assertThat(some.select("details.searchable").size()).isBetween(1, all.select("details.searchable").size() - 1);
    assertThat(some.select("details.searchable").text().toLowerCase()).contains("machinekeys");
  }

  @Test
  void aCaseThatIsNotInTheStoreIsAPageSayingSo() {
    HttpResponse<String> r = server.get("/cases/20261120-101502-abcdef");

    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(Jsoup.parse(r.body()).select("main p[role=alert]").text()).contains("no case 20261120-101502-abcdef");
  }
}
