package fr.jalon.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The indicator page in a real headless Chromium: the project manager records a value of the current school year. */
class IndicatorBrowserIT extends BrowserTest {
  @Test
  void theProjectManagerRecordsAValueIsToldOnceAndSeesItInTheTrend() {
    browser.login("projet", "jalon-demo");
    browser.go("/indicator/indicators.xhtml");
    // COLL: no other test writes to it.
    browser.driver.findElement(By.linkText("COLL")).click();
    browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("valueForm")));
    String year = browser.driver.findElement(By.cssSelector("#valueForm\\:schoolYear_label")).getText();

    WebElement amount = browser.driver.findElement(By.id("valueForm:amount_input"));
    amount.clear();
    amount.sendKeys("987");
    browser.driver.findElement(By.id("valueForm:saveValue")).click();

    browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("growl_container"), "Valeur " + year + " enregistrée."));
    // Once: the form's own messages show only problems.
    assertThat(browser.driver.findElement(By.id("valueForm:messages")).getText()).doesNotContain("enregistrée");
    assertThat(browser.driver.findElement(By.id("series")).getText()).contains(year).contains("987");
    browser.screenshot("indicateur-valeur");
    browser.logout();
  }
}
