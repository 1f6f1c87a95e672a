package fr.jalon.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium for the browser tests. Without chromium and chromium-driver the tests
 * say so and are skipped, unless the run requires them ({@code JALON_BROWSER_REQUIRED=true}, as
 * {@code .ci/run} sets, or {@code -Djalon.browser.required=true}), where their absence is a failure.
 */
public final class Browser implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  final WebDriver driver;
  final WebDriverWait wait;
  final String base;

  private Browser(WebDriver driver, String base) {
    this.driver = driver;
    this.base = base;
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    // Ajax updates replace elements under the test's feet; look them up again.
    this.wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
  }

  public static Browser open(JalonServer server) {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!present) {
      String why = "Tests navigateur ignorés : installez chromium et chromium-driver (apt-get install -y chromium chromium-driver).";
      if (Boolean.getBoolean("jalon.browser.required") || "true".equalsIgnoreCase(System.getenv("JALON_BROWSER_REQUIRED"))) {
        throw new IllegalStateException(why.replace("ignorés", "impossibles") + " Ils sont exigés ici (jalon.browser.required=true).");
      }
      System.out.println(why);
      Assumptions.abort(why);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic", "--window-size=1366,900", "--lang=fr-FR");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    return new Browser(new ChromeDriver(service, options), server.base());
  }

  /** Forgets the session: each test starts logged out, whatever the previous one did. */
  public void forget() {
    driver.manage().deleteAllCookies();
  }

  public Browser go(String path) {
    driver.get(base + path);
    return this;
  }

  public Browser login(String user, String password) {
    go("/login.xhtml");
    type(By.id("loginForm:username"), user);
    type(By.id("loginForm:password"), password);
    driver.findElement(By.id("loginForm:submit")).click();
    wait.until(d -> !d.getCurrentUrl().contains("/login.xhtml") || !d.findElements(By.cssSelector(".ui-messages-error")).isEmpty());
    return this;
  }

  public void logout() {
    driver.findElement(By.id("userBar:logout")).click();
    wait.until(ExpectedConditions.urlContains("/login.xhtml"));
  }

  public void type(By field, String text) {
    var element = wait.until(ExpectedConditions.elementToBeClickable(field));
    element.clear();
    element.sendKeys(text);
  }

  public String text() {
    return driver.findElement(By.tagName("body")).getText().replace('\u00A0', ' ').replace('\u202F', ' ');
  }

  /** Keeps a picture of the page under target/screenshots for a human to look at. */
  public void screenshot(String name) {
    try {
      Path folder = Path.of("target/screenshots");
      Files.createDirectories(folder);
      Files.write(folder.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    } catch (Exception e) {
      // A missing screenshot never fails a test.
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
