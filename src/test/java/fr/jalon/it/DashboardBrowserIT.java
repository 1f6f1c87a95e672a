package fr.jalon.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The board's dashboard in a real headless Chromium: the board lands on it, sees the chart and the figures, and follows a figure to its lines. */
class DashboardBrowserIT extends BrowserTest {
  static String plain(String text) {
    return text.replace('\u00A0', ' ').replace('\u202F', ' ').trim();
  }

  @Test
  void theBoardOpensTheDashboardSeesTheChartAndFollowsAnActionsPaidFigureToItsExpenses() {
    browser.login("conseil", "jalon-demo");
    assertThat(browser.driver.getCurrentUrl()).endsWith("/dashboard/dashboard.xhtml");
    browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#yearsPanel canvas")));
    assertThat(browser.text()).contains("Tableau de bord", "PIA3-TIP-CMQ-2020-OCC-07", "Prévu", "Engagé", "Payé", "Reçu", "Consommation par catégorie",
        "Consommation par action", "Taux de cofinancement", "Versements du PIA et leurs conditions", "Jalons", "Prochains rapports à remettre",
        "Indicateurs clés");
    assertThat(browser.driver.findElements(By.cssSelector("#reports tr"))).isNotEmpty();
    browser.screenshot("tableau-de-bord");

    WebElement paid = browser.driver.findElement(By.cssSelector(".consumption-actions tbody tr a.paid-link"));
    String amount = plain(paid.getText());
    assertThat(amount).endsWith("€");
    paid.click();
    browser.wait.until(ExpectedConditions.urlContains("/expense/expenses.xhtml"));
    assertThat(browser.driver.getCurrentUrl()).contains("action=", "paid=true");
    String totals = plain(browser.driver.findElement(By.id("totals")).getText());
    assertThat(totals).contains("éligible " + amount);
    assertThat(browser.driver.findElements(By.cssSelector("#listForm\\:expenses_data tr"))).isNotEmpty();
    browser.screenshot("tableau-de-bord-lignes");
  }
}
