package fr.jalon.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The archive page in a real headless Chromium: finance takes an ERD from draft to submitted, the board downloads it. */
class ReportBrowserIT extends BrowserTest {
  void saved() {
    try {
      browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("growl_container"), "Rapport enregistré."));
    } catch (org.openqa.selenium.TimeoutException e) {
      browser.screenshot("rapport-refuse");
      throw new AssertionError("Pas de confirmation ; la page dit : " + browser.text(), e);
    }
    browser.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("#growl_container .ui-growl-item")));
  }


  static final String PERIOD = "01/01/2028 – 31/01/2028";

  /**
   * The row of the statement this test makes, found by its period: the scheduler's first pass
   * (a minute after the server starts) may add drafts above it at any moment.
   */
  static final String ROW = "//tbody[@id='tableForm:reports_data']/tr[contains(., '" + PERIOD + "')]";

  static By row() {
    return By.xpath(ROW);
  }

  static By inRow(String button) {
    return By.xpath(ROW + "//*[contains(@id, ':" + button + "')]");
  }

  void sign(String role, String name, String quality) {
    browser.choose("signForm:role", role);
    browser.type(By.id("signForm:name"), name);
    browser.type(By.id("signForm:quality"), quality);
    // The form keeps the last signature date: type it only the first time.
    if (browser.driver.findElement(By.id("signForm:signedOn_input")).getAttribute("value").isEmpty()) {
      browser.type(By.id("signForm:signedOn_input"), "05/01/2026");
    }
    click(By.id("signForm:sign"));
    saved();
  }

  @Test
  void financeTakesAnErdFromDraftToSubmittedAndTheBoardDownloadsItFromTheArchive() {
    browser.login("finance", "jalon-demo");
    browser.go("/reporting/reports.xhtml");
    assertThat(browser.text()).contains("Rapports et archive", "État récapitulatif des dépenses v1", "Accepté", "Brouillon", "Demande de versement");
    browser.type(By.id("generateForm:from_input"), "01/01/2028");
    browser.type(By.id("generateForm:to_input"), "31/01/2028");
    click(By.id("generateForm:generate"));
    saved();
    // The same period again (the form keeps it): refused, and the page says why under the fields
    // (it once said only "see the message under each field", with none there).
    click(By.id("generateForm:generate"));
    browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#generateForm .field-messages"), "existe déjà pour cette période"));
    browser.screenshot("erd-already-there");
    click(inRow("toReview"));
    saved();
    sign("Le représentant légal (ordonnateur)", "Marie Delmas", "Proviseure, ordonnatrice");
    sign("L’agent comptable", "Jacques Fabre", "Agent comptable");
    click(inRow("toSigned"));
    saved();
    browser.type(By.id("tableForm:on_input"), "06/01/2026");
    click(inRow("toSubmitted"));
    saved();
    String row = browser.driver.findElement(row()).getText();
    assertThat(row).contains("Transmis", "Marie Delmas", "Jacques Fabre", PERIOD);
    browser.screenshot("erd-transmis");
    browser.logout();

    browser.login("conseil", "jalon-demo");
    browser.go("/reporting/reports.xhtml");
    assertThat(browser.driver.findElements(By.id("generateForm"))).isEmpty();
    String href = browser.driver.findElement(row()).findElement(By.cssSelector("a.report-file-PDF")).getAttribute("href");
    HttpResponse<byte[]> pdf = Http.session(server, "conseil", "jalon-demo").getBytes(href.substring(href.indexOf("/api/")));
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    click(inRow("verify"));
    browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("growl_container"), "Fichiers intacts"));
    browser.screenshot("archive-conseil");
    browser.logout();
  }
}
