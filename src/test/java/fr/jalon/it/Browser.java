package fr.jalon.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
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

  /**
   * Picks the item of a PrimeFaces select menu whose label starts with {@code labelStart}, as a
   * user does, and returns once the menu shows it and its panel is closed. On a busy machine the
   * panel may still be moving when the item is clicked and the click is lost: then it tries again.
   */
  public void choose(String menuId, String labelStart) {
    By menu = By.id(menuId);
    By panel = By.id(menuId + "_panel");
    By item = By.cssSelector("[id='" + menuId + "_items'] li[data-label^=\"" + labelStart + "\"]");
    WebDriverWait shortWait = new WebDriverWait(driver, Duration.ofSeconds(3));
    shortWait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    for (int attempt = 1; ; attempt++) {
      try {
        if (!driver.findElement(panel).isDisplayed()) {
          // A menu another field's Ajax update enables (a category after its action) is disabled until then.
          wait.until(d -> !d.findElement(menu).getAttribute("class").contains("ui-state-disabled"));
          wait.until(ExpectedConditions.elementToBeClickable(menu)).click();
        }
        WebElement choice = shortWait.until(ExpectedConditions.elementToBeClickable(item));
        shortWait.until(d -> still(choice));
        choice.click();
        shortWait.until(d -> d.findElement(By.id(menuId + "_label")).getText().startsWith(labelStart) && !d.findElement(panel).isDisplayed());
        return;
      } catch (TimeoutException e) {
        if (attempt == 3) {
          throw new AssertionError("le menu " + menuId + " n’a pas pris « " + labelStart + " » en trois essais", e);
        }
      }
    }
  }

  /** Whether the element is where it was a moment ago (an opening panel slides and fades in). */
  private static boolean still(WebElement element) {
    Rectangle before = element.getRect();
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return before.equals(element.getRect());
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
