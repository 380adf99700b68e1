package dev.rdpdoctor.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

/** The HTML report's structure, parsed as a browser would. */
class HtmlReportTest {

  private static Document render(String sample) {
    return Jsoup.parse(GoldenReportsTest.render(sample, "html"));
  }

  @Test
  void isOneSelfContainedFile() {
    Document doc = render("machinekeys-azure-image");
    assertThat(doc.select("link[rel=stylesheet], script[src], img[src], iframe")).isEmpty();
    assertThat(doc.select("style")).hasSize(1);
    assertThat(doc.select("meta[charset]").attr("charset")).isEqualTo("utf-8");
    assertThat(doc.title()).contains("VM-WEB03");
  }

  @Test
  void ranksCausesWithCfBarsInOrder() {
    Document doc = render("machinekeys-azure-image");
    Elements causes = doc.select("#ranked article.cause");
    assertThat(causes).isNotEmpty();
    assertThat(causes.first().id()).isEqualTo("cause-machinekeys-inaccessible");
    assertThat(causes.first().hasClass("top")).isTrue();
    double previous = 2;
    for (Element c : causes) {
      double cf = Double.parseDouble(c.attr("data-cf"));
      assertThat(cf).isLessThanOrEqualTo(previous);
      previous = cf;
      String width = c.selectFirst(".bar span").attr("style");
      assertThat(width).isEqualTo("width:" + Math.round(cf * 100) + "%");
      assertThat(c.selectFirst(".cfv").text()).isEqualTo(c.attr("data-cf"));
    }
  }

  @Test
  void fixesCarryRiskBadgesStepsAndRollbacks() {
    Element top = render("machinekeys-azure-image").selectFirst("#ranked article.cause.top");
    Elements fixes = top.select(".fix");
    assertThat(fixes).hasSizeGreaterThanOrEqualTo(2);
    assertThat(fixes.first().id()).isEqualTo("fix-reset-machinekeys-acl");
    assertThat(fixes.first().select(".badge.risk-medium")).hasSize(1);
    assertThat(fixes.last().select(".badge.risk-high")).hasSize(1);
    for (Element fix : fixes) {
      assertThat(fix.select("ol li")).isNotEmpty();
      assertThat(fix.select("dt").eachText()).contains("Roll back", "Verify");
    }
  }

  @Test
  void tracesAreCollapsibleAndCiteFileLineAndSources() {
    Document doc = render("cert-expired");
    Element trace = doc.selectFirst("#cause-cert-expired details.trace");
    assertThat(trace.hasAttr("open")).isFalse();
    assertThat(trace.selectFirst("summary").text()).startsWith("How");
    assertThat(trace.select(".ev .path").eachText()).anyMatch(t -> t.matches("rules/certificate/expired\\.drl:\\d+"));
    assertThat(trace.select(".ev .facts li").eachText()).anyMatch(t -> t.startsWith("certificate.expired = true"));
    assertThat(trace.select(".ev .badge.rel-high").eachText()).contains("ms-event-id-rdp");
  }

  @Test
  void sourcesListReliabilityAndLinks() {
    Elements rows = render("cert-expired").select("#sources tbody tr");
    assertThat(rows).isNotEmpty();
    Element ms = rows.stream().filter(r -> r.selectFirst("code").text().equals("ms-event-id-rdp")).findFirst().orElseThrow();
    assertThat(ms.select(".badge.rel-high").text()).isEqualTo("high");
    assertThat(ms.selectFirst("a").attr("href")).startsWith("https://github.com/MicrosoftDocs/");
  }

  @Test
  void thinEvidenceListsNextChecks() {
    Document doc = render("code-only");
    assertThat(doc.select("#next-checks li")).hasSizeBetween(1, 3);
    assertThat(doc.select("#ruled-out article.cause")).isNotEmpty()
        .allSatisfy(c -> assertThat(Double.parseDouble(c.attr("data-cf"))).isLessThanOrEqualTo(0));
  }

  @Test
  void escapesEverythingItQuotes() {
    assertThat(HtmlReport.esc("<script>alert('x') & \"y\"</script>"))
        .isEqualTo("&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
  }
}
