package fr.jalon.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The expense form in a real headless Chromium: finance types an expense, is refused next to the
 * incl. VAT field when the VAT sum is wrong, fixes it, commits it, finds it in the list, and the
 * action's page shows the committed amount risen by its eligible amount.
 */
class ExpenseFormBrowserIT extends BrowserTest {
  /** A French amount as the pages show it ("12 345,67 €"). */
  static BigDecimal amount(String shown) {
    return new BigDecimal(shown.replaceAll("[\\s\\u00A0\\u202F€]", "").replace(',', '.'));
  }


  static BigDecimal committedOnActionPage() {
    browser.go("/plan/actions.xhtml");
    browser.wait.until(ExpectedConditions.elementToBeClickable(By.linkText("A1.1"))).click();
    browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("actionTotal")));
    assertThat(browser.text()).contains("Exécution budgétaire", "Prévu", "Engagé", "Payé", "Reste à payer", "Disponible", "Par catégorie");
    return amount(browser.driver.findElement(By.id("committed")).getText());
  }

  @Test
  void financeTypesAnExpenseIsToldTheVatSumIsWrongFixesItAndTheActionShowsItCommitted() {
    String invoice = "NAV-" + System.nanoTime() % 1_000_000;
    browser.login("finance", "jalon-demo");
    BigDecimal before = committedOnActionPage();

    browser.go("/expense/expenses.xhtml");
    browser.wait.until(ExpectedConditions.elementToBeClickable(By.id("listForm:newExpense"))).click();
    browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("expenseForm:save")));
    browser.choose("expenseForm:action", "A1.1 ");
    browser.choose("expenseForm:category", "INV ");
    browser.driver.findElement(By.cssSelector("#expenseForm\\:supplierMode .ui-chkbox-box")).click();
    browser.type(By.id("expenseForm:newSupplierName"), "Tournage Lotois " + invoice);
    browser.type(By.id("expenseForm:siret"), "44000000000008");
    browser.type(By.id("expenseForm:description"), "Tour conventionnel d’atelier " + invoice);
    browser.type(By.id("expenseForm:invoiceNumber"), invoice);
    browser.type(By.id("expenseForm:invoiceDate_input"), "15/03/2025");
    browser.driver.findElement(By.id("expenseForm:invoiceDate_input")).sendKeys(Keys.ESCAPE);
    browser.type(By.id("expenseForm:amountExcl"), "1 000,00");
    browser.type(By.id("expenseForm:amountVat"), "200,00");
    browser.type(By.id("expenseForm:amountIncl"), "1 300,00");
    browser.driver.findElement(By.id("expenseForm:amountIncl")).sendKeys(Keys.TAB);
    browser.wait.until(ExpectedConditions.textToBe(By.id("eligiblePreview"), "—"));
    browser.driver.findElement(By.id("expenseForm:save")).click();

    var refusal = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.xpath("//input[@id='expenseForm:amountIncl']/following::div[contains(@class,'ui-message-error')][1]")));
    // Beside the incl. VAT field, named by its label, in French.
    assertThat(refusal.getText()).startsWith("TTC").contains("montant HT + TVA ≠ montant TTC", "1300.00");
    browser.screenshot("depense-tva-refusee");

    // Left empty, incl. VAT is computed from excl. VAT + VAT.
    browser.driver.findElement(By.id("expenseForm:amountIncl")).clear();
    browser.driver.findElement(By.id("expenseForm:amountIncl")).sendKeys(Keys.TAB);
    // The demo beneficiary (a lycée) does not recover VAT: eligible = incl. VAT × 100 %.
    browser.wait.until(d -> d.findElement(By.id("eligiblePreview")).getText().replace('\u00A0', ' ').replace('\u202F', ' ').equals("1 200,00 €"));
    browser.driver.findElement(By.id("expenseForm:save")).click();
    browser.wait.until(ExpectedConditions.urlContains("/expense/expense.xhtml?id="));
    browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("stepForm")));
    assertThat(browser.text()).contains("Brouillon", "Tour conventionnel d’atelier " + invoice);

    browser.type(By.id("stepForm:date_input"), "16/03/2025");
    browser.driver.findElement(By.id("stepForm:date_input")).sendKeys(Keys.ESCAPE);
    browser.driver.findElement(By.id("stepForm:step")).click();
    browser.wait.until(ExpectedConditions.textToBe(By.id("status"), "Engagée"));
    browser.screenshot("depense-engagee");

    browser.go("/expense/expenses.xhtml");
    browser.type(By.id("listForm:text"), invoice);
    browser.driver.findElement(By.id("listForm:search")).click();
    browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("listForm:expenses"), "Tour conventionnel d’atelier " + invoice));
    assertThat(browser.driver.findElement(By.id("listForm:expenses")).getText()).contains("Engagée", "1 200,00");

    BigDecimal after = committedOnActionPage();
    assertThat(after.subtract(before)).isEqualByComparingTo("1200.00");
    browser.screenshot("action-engage");
    browser.logout();
  }
}
