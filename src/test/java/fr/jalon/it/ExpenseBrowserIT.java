package fr.jalon.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The import page in a real headless Chromium: the history already shows the demo's import of the
 * sample FEC by finance; finance uploads a FEC (the sample under other journals and invoice numbers,
 * since the demo holds the sample itself), reads the preview (counts, a refused line's French
 * reason), confirms, and finds the imported expenses in the list marked without receipt; the
 * import is undone at the end, leaving the demo as it was.
 */
class ExpenseBrowserIT extends BrowserTest {
  static int figure(String id) {
    return Integer.parseInt(browser.driver.findElement(By.id(id)).getText().trim());
  }


  @Test
  void financeImportsAFecReadsThePreviewConfirmsAndSeesTheExpensesWithoutReceipt() throws Exception {
    Path fec = Files.createTempDirectory("import-").resolve("fec-navigateur.txt");
    Files.write(fec, SampleFec.variant("NAV"));

    browser.login("finance", "jalon-demo");
    browser.go("/accounting/imports.xhtml");
    assertThat(browser.text()).contains("Importer depuis la comptabilité", "Historique des imports", "au plus 200 Mo");
    String demoHistory = browser.driver.findElement(By.id("historyForm:history")).getText();
    assertThat(demoHistory).contains("fec-exemple.txt", "finance", "Confirmé", "Annulé");
    browser.screenshot("import-historique-demo");
    browser.driver.findElement(By.id("uploadForm:file")).sendKeys(fec.toString());
    browser.driver.findElement(By.id("uploadForm:send")).click();
    browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("settingsForm:actionId")));
    assertThat(browser.driver.findElement(By.id("fileFormat")).getText()).isEqualTo("FEC");
    assertThat(browser.text()).contains("fec-navigateur.txt", "Comptes et catégories");

    browser.choose("settingsForm:actionId", "A2.1");
    browser.type(By.id("settingsForm:prefixes"), "");
    browser.type(By.id("settingsForm:journals"), "");
    browser.type(By.id("settingsForm:analytic"), "");
    browser.driver.findElement(By.id("settingsForm:read")).click();
    browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("toCreate")));
    // The progress bar was shown and ends full.
    assertThat(browser.driver.findElement(By.id("readProgress")).isDisplayed()).isTrue();
    Object value = ((JavascriptExecutor) browser.driver).executeScript("return PF('readBar').getValue();");
    assertThat(((Number) value).intValue()).isEqualTo(100);

    assertThat(figure("toCreate")).isEqualTo(77);
    assertThat(figure("alreadyThere")).isZero();
    assertThat(figure("refused")).isEqualTo(5);
    assertThat(figure("linesRead")).isEqualTo(303);
    assertThat(browser.driver.findElement(By.id("totalIncl")).getText().replace('\u202F', ' ').replace('\u00A0', ' ')).isEqualTo("348 439,16 €");
    browser.choose("previewForm:outcome", "Refusée");
    browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("previewForm:lines"), "déséquilibrée"));
    String refusedLines = browser.driver.findElement(By.id("previewForm:lines")).getText();
    assertThat(refusedLines).contains("Refusée").doesNotContain("À créer");
    browser.screenshot("import-apercu");

    // The confirm runs in the background: the page follows its progress, then tells the outcome and refreshes the history.
    browser.driver.findElement(By.id("previewForm:confirm")).click();
    new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, java.time.Duration.ofSeconds(90))
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("growl_container"), "Import confirmé : 77 dépenses créées"));
    browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("uploadForm:file")));
    String history = browser.driver.findElement(By.id("historyForm:history")).getText();
    assertThat(history).contains("fec-navigateur.txt", "finance", "Confirmé");

    browser.go("/expense/expenses.xhtml");
    browser.type(By.id("listForm:text"), "NAVFA24-0001");
    // An empty amount bound reads as 0,00 € on this page: give both bounds.
    browser.type(By.id("listForm:minAmount"), "0");
    browser.type(By.id("listForm:maxAmount"), "10000000");
    browser.driver.findElement(By.id("listForm:search")).click();
    browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("listForm:expenses"), "NAVFA24-0001"));
    WebElement row = browser.driver.findElement(By.xpath("//tbody[@id='listForm:expenses_data']/tr[td[contains(., 'NAVFA24-0001')]]"));
    assertThat(row.getText()).contains("Usinage de Précision du Lot", "FEC");
    assertThat(row.findElement(By.cssSelector(".no-receipt")).getText()).isEqualTo("Sans justificatif");
    browser.screenshot("import-depenses");

    // Leave the demo as it was: undo the import just made (the newest in the history).
    browser.go("/accounting/imports.xhtml");
    browser.type(By.id("historyForm:undoReason"), "Essai du navigateur");
    browser.driver.findElement(By.cssSelector("#historyForm\\:history_data tr:first-child button.undo")).click();
    browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("growl_container"), "annulé"));
    assertThat(browser.driver.findElement(By.cssSelector("#historyForm\\:history_data tr:first-child")).getText()).contains("fec-navigateur.txt", "Annulé");
    browser.logout();
    Files.deleteIfExists(fec);
  }
}
