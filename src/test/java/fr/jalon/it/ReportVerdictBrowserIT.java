package fr.jalon.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The operator's verdicts recorded from the archive page, on the demo's accepted statement, in a real headless Chromium. */
class ReportVerdictBrowserIT extends BrowserTest {
  /** Opens the lines of an accepted statement with lines (the demo answered one for an earlier year); other tests add empty or submitted ones. */
  void openAcceptedStatement() {
    browser.go("/reporting/reports.xhtml");
    List<WebElement> rows = browser.driver.findElements(By.cssSelector("#tableForm\\:reports_data > tr"));
    WebElement open = rows.stream()
        .filter(r -> r.getText().contains("État récapitulatif des dépenses") && !r.findElements(By.cssSelector("span.report-ACCEPTED")).isEmpty())
        .filter(r -> !r.findElements(By.tagName("td")).get(3).getText().trim().equals("0"))
        .flatMap(r -> r.findElements(By.cssSelector("button[id$=':openLines']")).stream())
        .findFirst().orElseThrow(() -> new AssertionError("Aucun état accepté ; la page dit : " + browser.text()));
    open.click();
    browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("linesForm:lines")));
  }

  WebElement firstLine() {
    return browser.driver.findElement(By.cssSelector("#linesForm\\:lines_data > tr:first-child"));
  }

  static String digits(String text) {
    return text.replaceAll("[^0-9]", "");
  }

  static BigDecimal euros(String text) {
    return new BigDecimal(text.replaceAll("[^0-9,]", "").replace(',', '.'));
  }

  /** Replaces the amount field's whole content (the formatted field keeps its value through clear()). */
  void typeAmount(String amount) {
    WebElement field = browser.wait.until(ExpectedConditions.elementToBeClickable(By.id("linesForm:retainedAmount_input")));
    field.click();
    field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
    field.sendKeys(amount);
  }

  void chooseVerdict(String label) {
    browser.choose("linesForm:verdict", label);
  }

  @Test
  void financeRecordsAPartlyAcceptedVerdictOnALineAndARetainedAmountAboveTheEligibleOneIsRefusedInFrench() {
    browser.login("finance", "jalon-demo");
    openAcceptedStatement();
    assertThat(browser.text()).contains("Lignes déclarées et verdicts de l’opérateur", "Montant retenu", "Motif du verdict");
    BigDecimal eligible = euros(firstLine().findElements(By.tagName("td")).get(4).getText());
    assertThat(eligible).isGreaterThan(new BigDecimal("1.00"));

    firstLine().findElement(By.cssSelector(".ui-chkbox-box")).click();
    chooseVerdict("Partiellement acceptée");
    typeAmount(eligible.add(BigDecimal.ONE).toPlainString().replace('.', ','));
    browser.type(By.id("linesForm:reason"), "Quote-part hors période");
    click(By.id("linesForm:record"));
    try {
      browser.wait.until(d -> {
        try {
          return browser.text().contains("inférieur au montant éligible");
        } catch (org.openqa.selenium.WebDriverException e) {
          return false;
        }
      });
    } catch (org.openqa.selenium.TimeoutException e) {
      browser.screenshot("verdict-sans-refus");
      throw new AssertionError("Pas de refus ; la page dit : " + browser.text(), e);
    }
    // The refusal stands next to the retained amount, not only at the top of the page.
    assertThat(browser.driver.findElements(By.cssSelector("#linesForm .report-verdict .ui-message-error")).stream().map(WebElement::getText).toList())
        .anyMatch(t -> t.contains("Montant retenu") && t.contains("inférieur au montant éligible"));
    browser.screenshot("verdict-refuse");

    BigDecimal retained = eligible.divide(new BigDecimal(2), 2, RoundingMode.DOWN);
    String reason = "Quote-part hors période " + System.nanoTime();
    typeAmount(retained.toPlainString().replace('.', ','));
    browser.type(By.id("linesForm:reason"), reason);
    click(By.id("linesForm:record"));
    try {
      browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("growl_container"), "Verdict enregistré sur 1 ligne(s)."));
    } catch (org.openqa.selenium.TimeoutException e) {
      browser.screenshot("verdict-non-enregistre");
      throw new AssertionError("Pas de confirmation ; la page dit : " + browser.text(), e);
    }
    browser.wait.until(d -> {
      try {
        return firstLine().getText().contains(reason);
      } catch (org.openqa.selenium.WebDriverException e) {
        return false;
      }
    });
    List<WebElement> cells = firstLine().findElements(By.tagName("td"));
    assertThat(cells.get(5).getText()).isEqualTo("Partiellement acceptée");
    assertThat(digits(cells.get(6).getText())).isEqualTo(digits(retained.toPlainString()));
    assertThat(browser.driver.findElement(By.id("linesForm")).getText()).doesNotContain("inférieur au montant éligible");
    browser.screenshot("verdict-partiel");
    browser.logout();
  }

  @Test
  void theBoardReadsTheVerdictsButCannotRecordOne() {
    browser.login("conseil", "jalon-demo");
    openAcceptedStatement();
    assertThat(browser.text()).contains("Lignes déclarées et verdicts de l’opérateur", "Verdict");
    assertThat(firstLine().findElements(By.tagName("td")).get(4).getText()).containsAnyOf("Acceptée", "Rejetée", "Partiellement acceptée", "Déclarée");
    assertThat(browser.driver.findElements(By.id("linesForm:record"))).isEmpty();
    assertThat(browser.driver.findElements(By.cssSelector("#linesForm\\:lines .ui-chkbox-box"))).isEmpty();
    browser.logout();
  }
}
