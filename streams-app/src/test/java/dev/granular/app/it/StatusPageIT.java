package dev.granular.app.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.granular.app.GranularApp;
import dev.granular.app.config.AppConfig;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The status page in headless Chromium (Debian's chromium and chromium-driver, nothing downloaded): a
 * workspace fed through Kafka shows up, its split plan's parts are shown, and its lag falls to 0.
 */
class StatusPageIT {
  private static final String CHROMIUM = "/usr/bin/chromium";
  private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
  private static final String INSTALL = "apt-get install -y --no-install-recommends chromium chromium-driver";
  /** Markup in an id must be shown as text, never run: the page writes with textContent only. ('/' is not a legal id.) */
  private static final String W = "<b>page&amp;<img src=x onerror=window.pwned=1>";

  @Test
  void thePageShowsTheWorkspaceItsPlanPartsAndItsLagFallingToZero() throws Exception {
    assertTrue(Files.isExecutable(Path.of(CHROMIUM)), "no " + CHROMIUM + ": install it with `" + INSTALL + "`");
    assertTrue(Files.isExecutable(Path.of(CHROMEDRIVER)), "no " + CHROMEDRIVER + ": install it with `" + INSTALL + "`");
    // T = 1000 with 8 properties: the first plan over ~700 events is split into several parts.
    AppConfig config = ItServices.isolatedConfig(Map.of("granular.planner.scheduler-interval", "0s", "granular.planner.threshold", 1000));
    ItServices.migrate(config);
    Path profile = Files.createTempDirectory("granular-chromium-");
    WebDriver browser = null;
    try (GranularApp app = new GranularApp(config)) {
      app.start();
      browser = chromium(profile);
      HttpProbe http = new HttpProbe(app.httpPort());
      WebDriverWait wait = new WebDriverWait(browser, Duration.ofMinutes(3), Duration.ofMillis(250));
      wait.ignoring(StaleElementReferenceException.class); // every render replaces the rows
      browser.get("http://127.0.0.1:" + app.httpPort() + "/");
      wait.until(d -> rendered(d) >= 1);

      ComputeFixture.produceDefinitions(config, W);
      List<byte[]> events = ComputeFixture.events(W, 700, 60, 3, System.currentTimeMillis());
      ComputeFixture.produce(config, events);
      ComputeFixture.produce(config, List.of("{\"workspaceId\":\"x\",\"type\":\"track\",\"userId\":\"u\",\"event\":\"E\"}"
          .getBytes(StandardCharsets.UTF_8))); // no messageId: one dead letter
      // Ingested but not computed yet: the row is there with a lag above 0.
      String shownId = wait.until(d -> {
        WebElement r = row(d);
        return r != null && Long.parseLong(r.getDomAttribute("data-lag")) > 0 ? r.findElements(By.tagName("td")).get(0).getText() : null;
      });
      assertEquals(W, shownId, "the id is shown as text");
      await().atMost(Duration.ofMinutes(1)).until(() -> {
        JsonNode w = http.get("/api/workspaces/" + HttpProbe.enc(W)).json();
        // Once the watermark is at the latest durable event, one tick plans them all.
        return w.get("eventsSinceCursor").asLong() >= events.size() && w.get("watermarkMs").asLong() >= w.get("durableMaxMs").asLong();
      });
      int before = rendered(browser);

      assertEquals(202, http.post("/api/workspaces/" + HttpProbe.enc(W) + "/tick").status());
      wait.until(d -> {
        WebElement r = row(d);
        return r != null && r.getDomAttribute("data-lag").equals("0") && r.getDomAttribute("data-in-flight").equals("false")
            && !r.getDomAttribute("data-completed").equals("0");
      });
      assertTrue(rendered(browser) > before, "the page kept refreshing");
      JsonNode plan = http.get("/api/workspaces/" + HttpProbe.enc(W)).json().get("completed").get(0);
      assertTrue(plan.get("parts").asInt() > 1, "a split plan: " + plan);
      String lastPlans = wait.until(d -> row(d).findElement(By.className("last-plans")).getText());
      assertTrue(lastPlans.contains(plan.get("planId").asText() + " (" + plan.get("parts").asInt() + " parts"), lastPlans);
      assertEquals("0 ms", wait.until(d -> row(d).findElements(By.tagName("td")).get(2).getText()));

      String deadLetters = wait.until(d -> d.findElements(By.cssSelector("#dead-letters tbody tr")).stream()
          .filter(r -> "missing_message_id".equals(r.getDomAttribute("data-reason"))).map(r -> r.getDomAttribute("data-count"))
          .findFirst().orElse(null));
      assertEquals("1", deadLetters);
      assertEquals(2, browser.findElements(By.cssSelector("#queue tbody tr")).size());
      assertEquals(null, ((JavascriptExecutor) browser).executeScript("return window.pwned === undefined ? null : window.pwned;"));
      Files.write(Path.of("target", "status-page.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    } finally {
      if (browser != null) {
        browser.quit();
      }
      ItServices.cleanup(config);
    }
  }

  private static WebDriver chromium(Path profile) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
        "--window-size=1400,1000");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
    return new ChromeDriver(service, options);
  }

  private static int rendered(WebDriver d) {
    String n = d.findElement(By.tagName("body")).getDomAttribute("data-rendered");
    return n == null ? 0 : Integer.parseInt(n);
  }

  private static WebElement row(WebDriver d) {
    return d.findElements(By.cssSelector("#workspaces tbody tr")).stream().filter(r -> W.equals(r.getDomAttribute("data-workspace")))
        .findFirst().orElse(null);
  }
}
