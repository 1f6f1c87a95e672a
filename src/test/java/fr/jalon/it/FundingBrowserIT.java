package fr.jalon.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The funding pages in a real headless Chromium. */
class FundingBrowserIT extends BrowserTest {
  private static String text(String id) {
    return browser.driver.findElement(By.id(id)).getText().replace('\u00A0', ' ').replace('\u202F', ' ');
  }

  @Test
  void financeRecordsTheReceiptOfTheRequestedTrancheAndSeesThePiaReceivedGrow() {
    browser.login("finance", "jalon-demo");
    browser.go("/grant/tranches.xhtml");
    browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("piaReceived")));
    assertThat(text("piaReceived")).isEqualTo("600 000,00 €");
    assertThat(browser.text()).contains("Versements PIA", "Avance", "Demandée", "inférieur aux 40 % exigés");
    browser.screenshot("versements");

    browser.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[id$=':receipt']"))).click();
    browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("receiptForm:reference")));
    browser.type(By.id("receiptForm:reference"), "CDC-VIR-NAVIGATEUR");
    browser.driver.findElement(By.id("receiptForm:save")).click();
    browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("growl_container"), "Réception de la tranche 2 enregistrée."));
    browser.wait.until(d -> text("piaReceived").equals("1 000 000,00 €"));
    assertThat(browser.text()).contains("CDC-VIR-NAVIGATEUR");
    browser.screenshot("versements-recu");

    browser.go("/grant/cofunding.xhtml");
    assertThat(browser.text()).contains("Plan de financement", "Région Occitanie", "Taux de cofinancement sur les engagements");
    browser.screenshot("plan-de-financement");
    browser.logout();
  }

  @Test
  void theBoardReadsTheCopilDecisionsWithoutAnyButtonToChangeThem() {
    browser.login("conseil", "jalon-demo");
    browser.go("/grant/copil.xhtml");
    assertThat(browser.text()).contains("COPIL n° 1 — lancement du campus", "COPIL-2021-01", "Version du budget", "COPIL-2023-03").doesNotContain("Nouvelle réunion");
    browser.screenshot("copil-conseil");
    browser.logout();
  }
}
