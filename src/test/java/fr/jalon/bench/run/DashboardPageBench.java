package fr.jalon.bench.run;

import fr.jalon.bench.report.Results.BrowserPage;
import fr.jalon.bench.report.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The board's dashboard page in headless Chromium (issue 8: ≤ 2 s), logged in as the board member
 * through the login form. Each run navigates to the page afresh and reads the browser's own
 * Navigation Timing: from the navigation's start to the end of its load event, which holds the
 * server's rendering, the transfer, the style sheets and scripts, and the PrimeFaces widgets —
 * the chart included — created at DOM ready, before the load event (each run checks the chart
 * exists). The browser keeps its cache, as a board member's browser does: the warm-up fills it.
 * Without Debian's chromium and chromedriver the result says so instead of a figure.
 */
public final class DashboardPageBench {
  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  public static final String USERNAME = "conseil";
  public static final String PATH = "/dashboard/dashboard.xhtml";
  public static final double TARGET_MS = 2_000;
  private static final String TIMING = "const n = performance.getEntriesByType('navigation')[0];"
      + " const canvas = document.querySelector('[id$=\"yearsChart\"] canvas');"
      + " const chart = !!canvas && !!window.Chart && typeof Chart.getChart === 'function' && !!Chart.getChart(canvas);"
      + " return n && n.loadEventEnd > 0 ? [n.domContentLoadedEventEnd, n.loadEventEnd, !!canvas, chart, location.pathname] : null;";

  private DashboardPageBench() {}

  public static BrowserPage measure(PayaraInstance instance, int size, int warmups, int runs) {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      String why = "not measured: " + CHROMIUM + " or " + CHROMEDRIVER + " is missing (apt-get install -y chromium chromium-driver)";
      Progress.log("N = %d: dashboard page in Chromium %s", size, why);
      return new BrowserPage(size, USERNAME, PATH, null, null, TARGET_MS, why);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic", "--window-size=1366,900", "--lang=fr-FR");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    WebDriver driver = new ChromeDriver(service, options);
    try {
      String base = instance.base().toString();
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
      driver.get(base + "/login.xhtml");
      driver.findElement(By.id("loginForm:username")).sendKeys(USERNAME);
      driver.findElement(By.id("loginForm:password")).sendKeys(JalonRequests.PASSWORD);
      driver.findElement(By.id("loginForm:submit")).click();
      wait.until(d -> !d.getCurrentUrl().contains("/login.xhtml"));
      List<Double> load = new ArrayList<>();
      List<Double> ready = new ArrayList<>();
      for (int i = 0; i < warmups + runs; i++) {
        driver.get(base + PATH);
        List<?> t = wait.until(d -> (List<?>) ((JavascriptExecutor) d).executeScript(TIMING));
        if (!PATH.equals(t.get(4)) || !Boolean.TRUE.equals(t.get(2)) || !Boolean.TRUE.equals(t.get(3))) {
          throw new IllegalStateException("The dashboard page did not show its chart (page " + t.get(4) + ", canvas " + t.get(2) + ", chart " + t.get(3) + ")");
        }
        if (i >= warmups) {
          ready.add(((Number) t.get(0)).doubleValue());
          load.add(((Number) t.get(1)).doubleValue());
        }
      }
      BrowserPage page = new BrowserPage(size, USERNAME, PATH, Samples.of(load), Samples.of(ready), TARGET_MS, null);
      Progress.log("N = %d: dashboard page in Chromium, load event median %.0f ms (%.0f – %.0f), DOMContentLoaded median %.0f ms", size,
          page.loadMillis().median(), page.loadMillis().min(), page.loadMillis().max(), page.domContentLoadedMillis().median());
      return page;
    } finally {
      driver.quit();
    }
  }
}
