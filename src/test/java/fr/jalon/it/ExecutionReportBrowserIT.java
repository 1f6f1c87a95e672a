package fr.jalon.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Finance generates a budget execution report from the archive page; the board downloads the latest one from its dashboard. */
class ExecutionReportBrowserIT extends BrowserTest {
  @Test
  void financeGeneratesABudgetExecutionReportAndTheBoardDownloadsTheLatestFromTheDashboard() {
    browser.login("finance", "jalon-demo");
    browser.go("/reporting/reports.xhtml");
    browser.choose("generateForm:type", "Exécution budgétaire");
    browser.type(By.id("generateForm:from_input"), "01/10/2028");
    browser.type(By.id("generateForm:to_input"), "31/12/2028");
    click(By.id("generateForm:generate"));
    browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("growl_container"), "Rapport enregistré."));
    // Found by its period, not as the first row: the scheduler's first pass may generate a draft at the same moment.
    String row = browser.driver.findElements(By.cssSelector("#tableForm\\:reports_data tr")).stream().map(r -> r.getText())
        .filter(t -> t.contains("Exécution budgétaire") && t.contains("01/10/2028")).findFirst().orElse("");
    assertThat(row).contains("Exécution budgétaire v1", "01/10/2028 – 31/12/2028", "Brouillon", "PDF", "XLSX");
    browser.screenshot("execution-generated");
    browser.logout();

    browser.login("conseil", "jalon-demo");
    browser.go("/dashboard/dashboard.xhtml");
    WebElement link = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#latestExecution a")));
    assertThat(browser.driver.findElement(By.id("latestExecution")).getText()).contains("Dernière exécution budgétaire", "01/10/2028 → 31/12/2028");
    browser.screenshot("dashboard-latest-execution");
    String href = link.getAttribute("href");
    HttpResponse<byte[]> pdf = Http.session(server, "conseil", "jalon-demo").getBytes(href.substring(href.indexOf("/api/")));
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
    assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    browser.logout();
  }

  @Test
  void theProjectManagerRewritesAnActionsNarrativeAndTheBoardOnlyReadsIt() {
    browser.login("projet", "jalon-demo");
    browser.go("/reporting/narratives.xhtml");
    assertThat(browser.text()).contains("Rapport d’avancement — récit", "Réalisations de l’année", "Écarts et explications", "Plan de l’année suivante");
    By progress = By.id("narrativesForm:actions:0:progress");
    browser.type(progress, "Plateau installé ; première promotion accueillie en septembre.");
    click(By.id("narrativesForm:actions:0:save"));
    browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("growl_container"), "enregistré"));
    assertThat(browser.driver.findElement(progress).getAttribute("value")).isEqualTo("Plateau installé ; première promotion accueillie en septembre.");
    assertThat(browser.text()).contains("par projet");
    browser.screenshot("narratives-projet");
    browser.logout();

    browser.login("conseil", "jalon-demo");
    browser.go("/reporting/narratives.xhtml");
    assertThat(browser.driver.findElement(progress).getAttribute("value")).isEqualTo("Plateau installé ; première promotion accueillie en septembre.");
    assertThat(browser.driver.findElements(By.id("narrativesForm:actions:0:save"))).isEmpty();
    browser.logout();
  }

  @Test
  void theProjectManagerWritesWhatContinuesAfterTheGrantAndTheBoardOnlyReadsIt() {
    String text = "Le campus garde son équipe d’animation sur les fonds propres du lycée porteur.";
    browser.login("projet", "jalon-demo");
    browser.go("/reporting/narratives.xhtml");
    assertThat(browser.text()).contains("Rapport final — ce qui se poursuit après la subvention", "Après la subvention (pérennisation)");
    By continuation = By.id("continuationForm:continuation");
    browser.type(continuation, text);
    click(By.id("continuationForm:saveContinuation"));
    browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("growl_container"), "Texte de pérennisation enregistré"));
    assertThat(browser.driver.findElement(continuation).getAttribute("value")).isEqualTo(text);
    browser.screenshot("continuation-projet");
    browser.logout();

    browser.login("conseil", "jalon-demo");
    browser.go("/reporting/narratives.xhtml");
    assertThat(browser.driver.findElement(continuation).getAttribute("value")).isEqualTo(text);
    assertThat(browser.driver.findElements(By.id("continuationForm:saveContinuation"))).isEmpty();
    browser.logout();
  }
}
