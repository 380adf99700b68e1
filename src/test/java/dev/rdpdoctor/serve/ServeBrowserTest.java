package dev.rdpdoctor.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.rdpdoctor.Fixtures;
import dev.rdpdoctor.NeedsSystemPackages;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages in a real browser: Debian's chromium, headless, driven by Selenium through Debian's
 * chromium-driver, against the server on 127.0.0.1. Each page is saved once as a screenshot in
 * {@code target/screenshots/}.
 */
@NeedsSystemPackages
class ServeBrowserTest {

  static final String CHROMIUM = "/usr/bin/chromium";
  static final String DRIVER = "/usr/bin/chromedriver";
  static final String INSTALL = "chromium and chromium-driver are not installed; these tests need them: "
      + "apt-get update && apt-get install -y chromium chromium-driver (.ci/run does)";
  static final Path SHOTS = Path.of("target", "screenshots");

  @TempDir static Path store;
  private static RunningServer server;
  private static WebDriver browser;

  @BeforeAll
  static void start() throws Exception {
    if (!Files.isExecutable(Path.of(CHROMIUM)) || !Files.isExecutable(Path.of(DRIVER))) {
      fail(INSTALL);
    }
    server = new RunningServer(store);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--window-size=1280,1600", "--no-first-run", "--disable-extensions", "--lang=en-US",
        "--proxy-server=direct://", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
        .usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    // a page that a click or a key sends is looked for until it has come
    browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(15));
    Files.createDirectories(SHOTS);
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  private static void open(String path) {
    browser.get(server.uri(path).toString());
  }

  private static void shot(String name) throws Exception {
    File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Files.copy(png.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

  /** Clicks an element scrolled to the middle of the window, clear of the form's sticky buttons. */
  private static void click(WebElement e) {
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", e);
    e.click();
  }

  /**
   * Clicks what sends the page on (a form's button, a link) and waits for the next page to have
   * replaced this one, so that what is looked for next is not found on the page being left.
   */
  private static void clickToNextPage(WebElement e) {
    WebElement leaving = browser.findElement(By.tagName("html"));
    e.click();
    // while the document is being replaced, the driver may also answer that the node is in no document
    new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(WebDriverException.class)
        .until(d -> ExpectedConditions.stalenessOf(leaving).apply(d)
            && "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
  }

  /** Waits for the consultation's next page: the question's number changed. */
  private static void waitForQuestion(String before) {
    // the page may be replaced between finding the question and reading it: look again
    new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class).until(d -> {
      List<WebElement> q = d.findElements(By.id("q"));
      return !q.isEmpty() && !q.get(0).getText().equals(before);
    });
  }

  /** Types into a textarea as a person would paste: the value set whole, as typing it would be slow. */
  private static void paste(WebElement area, String text) {
    ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", area, text);
  }

  private static String sample(String name) throws Exception {
    return Files.readString(Fixtures.SAMPLES.resolve(name));
  }

  @Test
  void aPastedFileWithAnErrorShowsTheErrorAtItsLine() throws Exception {
    open("/");
    shot("new-case");
    paste(browser.findElement(By.id("text")), "title: printer room\nerror:\n  code: 0x904\n  afects: everyone\n");
    clickToNextPage(browser.findElement(By.cssSelector("form[action='/diagnose'] button[type=submit]")));

    WebElement line = browser.findElement(By.id("line-4"));
    assertThat(line.getAttribute("class")).contains("bad");
    assertThat(line.findElement(By.xpath("following-sibling::div[1]")).getText())
        .contains("unknown key 'afects'").contains("did you mean 'affects'");
    assertThat(browser.findElement(By.cssSelector(".errors li")).getText()).startsWith("pasted:4:");
    shot("new-case-located-error");
  }

  @Test
  void theCollectorsZipUploadedIsReadAndDiagnosed() throws Exception {
    Path zip = store.resolveSibling(store.getFileName() + "-evidence").resolve("APP07-host.zip");
    Files.createDirectories(zip.getParent());
    Files.write(zip, ServeApiTest.zipped("machinekeys-inaccessible"));
    open("/");
    browser.findElement(By.id("evidence")).sendKeys(zip.toAbsolutePath().toString());
    clickToNextPage(browser.findElement(By.cssSelector("form[action='/diagnose'] button[type=submit]")));

    WebElement evidence = browser.findElement(By.cssSelector("section.evidence"));
    assertThat(evidence.getText()).contains("Evidence read").contains("machinekeys-inaccessible/icacls-MachineKeys.txt");
    assertThat(browser.findElement(By.cssSelector(".card.top h2")).getText()).contains("[machinekeys-inaccessible]");
    click(browser.findElement(By.cssSelector("details.found summary")));
    assertThat(browser.findElement(By.cssSelector("details.found dl")).getText())
        .contains("rdp.machine_keys_acl_ok").contains("icacls-MachineKeys.txt line 5");
    shot("report-from-evidence");
  }

  @Test
  void theFormFilledInGivesARanking() throws Exception {
    open("/form");
    browser.findElement(By.id("f-error.code")).sendKeys("0x904");
    browser.findElement(By.id("f-error.extended")).sendKeys("0x7");
    new Select(browser.findElement(By.id("f-error.affects"))).selectByVisibleText("everyone");
    click(browser.findElement(By.cssSelector("#g-rdp summary")));
    new Select(browser.findElement(By.id("f-rdp.drain_mode"))).selectByVisibleText("yes");
    shot("form");
    clickToNextPage(browser.findElement(By.cssSelector("form.vocab button[type=submit]")));

    assertThat(browser.findElement(By.cssSelector(".card.top h2")).getText()).contains("[host-denies-logons]");
    assertThat(browser.findElements(By.cssSelector("ol.causes > li"))).isNotEmpty();
    shot("report");
  }

  @Test
  void aConsultationOfThreeQuestionsWithOneBack() throws Exception {
    open("/consult");
    List<String> asked = new java.util.ArrayList<>();
    for (int i = 0; i < 3; i++) {
      asked.add(browser.findElement(By.cssSelector(".ask")).getText());
      answerFirst();
    }
    String fourth = browser.findElement(By.id("q")).getText();
    assertThat(fourth).startsWith("Question 4");
    browser.findElement(By.cssSelector("button[value=back]")).click();
    waitForQuestion(fourth);

    assertThat(browser.findElement(By.id("q")).getText()).startsWith("Question 3");
    assertThat(browser.findElement(By.cssSelector(".ask")).getText()).isEqualTo(asked.get(2));
    assertThat(browser.findElements(By.cssSelector("#given-title + ol > li"))).hasSize(2);
    browser.findElement(By.cssSelector("details.why summary")).click();
    shot("consult");
  }

  private static void answerFirst() {
    String before = browser.findElement(By.id("q")).getText();
    WebElement first = browser.findElement(By.cssSelector("form.question input[type=checkbox][name=reply], form.question button[name=reply]"));
    if (first.getTagName().equals("input")) {
      first.click();
      browser.findElement(By.cssSelector("form.question button[value=answer]")).click();
    } else {
      first.click();
    }
    waitForQuestion(before);
  }

  @Test
  void aCaseIsSavedAndItsResolutionRecorded() throws Exception {
    open("/");
    paste(browser.findElement(By.id("text")), sample("cert-expired.yaml"));
    clickToNextPage(browser.findElement(By.cssSelector("form[action='/diagnose'] button[type=submit]")));
    clickToNextPage(browser.findElement(By.xpath("//form[@action='/cases']//button")));

    // saving answers with a redirect to the saved case: wait for the browser to follow it
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .until(ExpectedConditions.urlMatches(".*/cases/[0-9]{8}-[0-9]{6}-[0-9a-f]{6}$"));
    assertThat(browser.getCurrentUrl()).matches(".*/cases/[0-9]{8}-[0-9]{6}-[0-9a-f]{6}");
    new Select(browser.findElement(By.id("r-cause"))).selectByValue("cert-expired");
    new Select(browser.findElement(By.id("r-fix"))).selectByValue("renew-self-signed-cert");
    browser.findElement(By.id("r-by")).sendKeys("service desk");
    clickToNextPage(browser.findElement(By.xpath("//form[contains(@action,'/resolution')]//button")));

    assertThat(browser.findElement(By.cssSelector("#resolution pre")).getText())
        .contains("cause: cert-expired").contains("fix: renew-self-signed-cert").contains("by: service desk");
    shot("report-saved-with-resolution");
    clickToNextPage(browser.findElement(By.linkText("Explanation")));
    assertThat(browser.findElement(By.cssSelector("pre.explain")).getText()).contains("cert-expired");
    shot("explain");
    open("/cases");
    assertThat(browser.findElement(By.cssSelector("table.cases tbody tr")).getText()).contains("resolved").contains("cert-expired");
    shot("cases");
  }

  @Test
  void aHostileValueShowsAsText() throws Exception {
    open("/");
    String title = "<script>alert('x')</script> \u202Egnp.exe " + "W".repeat(3000);
    paste(browser.findElement(By.id("text")), "title: \"" + title.replace("\u202E", "\\u202E")
        + "\"\nerror: {code: 0x904, extended: 0x7}\nevents: [1058]\n");
    clickToNextPage(browser.findElement(By.cssSelector("form[action='/diagnose'] button[type=submit]")));

    WebElement h1 = browser.findElement(By.tagName("h1"));
    assertThat(h1.getText()).startsWith("<script>alert('x')</script> \\u202egnp.exe WWW");
    assertThat(((JavascriptExecutor) browser).executeScript("return document.scripts.length")).isEqualTo(1L);
    assertThat((Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth - window.innerWidth"))
        .as("the page scrolls sideways").isLessThanOrEqualTo(0L);
    try {
      browser.switchTo().alert();
      fail("a script of the case ran");
    } catch (NoAlertPresentException expected) {
      // nothing ran
    }
    shot("hostile-value");
  }

  @Test
  void theKnowledgeBaseIsBrowsedAndSearched() throws Exception {
    open("/knowledge");
    WebElement search = browser.findElement(By.id("q"));
    search.sendKeys("machinekeys");
    long shown = browser.findElements(By.cssSelector("details.searchable")).stream().filter(WebElement::isDisplayed).count();
    assertThat(shown).isBetween(1L, (long) RunningServer.knowledge().causes().size() - 1);
    shot("knowledge");
  }

  /** Skip link, Tab to each control, Enter to send: a diagnosis without the mouse. */
  @Test
  void theNewCasePageWorksFromTheKeyboardAlone() throws Exception {
    open("/");
    Actions keys = new Actions(browser);
    keys.sendKeys(Keys.TAB).perform();
    assertThat(browser.switchTo().activeElement().getText()).isEqualTo("Skip to content");
    keys.sendKeys(Keys.ENTER).perform();
    assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("main");
    for (int i = 0; i < 10 && !"text".equals(browser.switchTo().activeElement().getAttribute("id")); i++) {
      keys.sendKeys(Keys.TAB).perform();
    }
    assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("text");
    keys.sendKeys("error:\n  code: 0x904\n  extended: 0x7\nevents: [1058]\ncertificate: {not_after: 2020-01-01}").perform();
    for (int i = 0; i < 10 && !"Diagnose".equals(browser.switchTo().activeElement().getText()); i++) {
      keys.sendKeys(Keys.TAB).perform();
    }
    assertThat(browser.switchTo().activeElement().getText()).isEqualTo("Diagnose");
    keys.sendKeys(Keys.ENTER).perform();

    assertThat(browser.findElement(By.cssSelector(".card.top h2")).getText()).contains("[cert-expired]");
    keys.sendKeys(Keys.TAB).perform();
    assertThat(browser.switchTo().activeElement().getText()).isEqualTo("Skip to content");
  }
}
