package fr.jalon.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * What every browser test shares: the one Payara Micro of the test run, a headless Chromium for the
 * class, and a fresh session before each test.
 */
abstract class BrowserTest {
  static JalonServer server;
  static Browser browser;

  @BeforeAll
  static void openBrowser() {
    server = JalonServer.shared();
    browser = Browser.open(server);
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @AfterEach
  void forgetSession() {
    browser.forget();
  }

  /** Clicks {@code by} once it can be clicked. */
  static void click(By by) {
    browser.wait.until(ExpectedConditions.elementToBeClickable(by)).click();
  }
}
