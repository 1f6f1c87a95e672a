package fr.jalon.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The budget grid in headless Chromium: the project manager edits, the administrator approves, the board reads. */
class BudgetBrowserIT extends BrowserTest {
  private static String text(By by) {
    return browser.driver.findElement(by).getText().replace('\u00A0', ' ').replace('\u202F', ' ');
  }

  @Test
  void theProjectManagerEditsACellAndSeesTheRowAndGrandTotalsFollow() {
    long draft = PlanApiIT.draft(Http.basic(server, "projet", "jalon-demo"));
    browser.login("projet", "jalon-demo");
    // From a click on the menu to an editable grid.
    WebElement menu = browser.driver.findElements(By.cssSelector("#menu a")).stream().filter(a -> a.getText().contains("Budget")).findFirst().orElseThrow();
    long t0 = System.nanoTime();
    menu.click();
    browser.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input.cell")));
    long millis = (System.nanoTime() - t0) / 1_000_000;
    System.out.println("Budget grid: click to editable grid " + millis + " ms");
    assertThat(millis).isLessThan(10_000);
    assertThat(browser.driver.getCurrentUrl()).contains("/plan/budget.xhtml");
    assertThat(text(By.id("versionTitle"))).contains("brouillon");

    WebElement cell = browser.driver.findElement(By.cssSelector("input.cell"));
    String key = cell.getAttribute("data-k");
    String original = cell.getAttribute("value");
    String grand = text(By.id("grandTotal"));
    String row = text(By.id("rt-" + key));

    cell.click();
    cell.sendKeys(Keys.chord(Keys.CONTROL, "a"), "123456,78", Keys.TAB);
    browser.wait.until(d -> !text(By.id("grandTotal")).equals(grand));
    assertThat(text(By.id("rt-" + key))).isNotEqualTo(row);
    assertThat(browser.driver.findElement(By.cssSelector("input.cell[data-k='" + key + "'][data-c='0']")).getAttribute("value").replace('\u00A0', ' '))
        .isEqualTo("123 456,78");
    browser.screenshot("budget-grid-projet");
    // The grid keeps the saved value on reload, then the test puts the original back.
    browser.go("/plan/budget.xhtml?v=" + draft);
    WebElement again = browser.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input.cell[data-k='" + key + "'][data-c='0']")));
    assertThat(again.getAttribute("value").replace('\u00A0', ' ')).isEqualTo("123 456,78");
    again.click();
    again.sendKeys(Keys.chord(Keys.CONTROL, "a"), original, Keys.TAB);
    browser.wait.until(d -> text(By.id("grandTotal")).equals(grand));
    assertThat(text(By.id("rt-" + key))).isEqualTo(row);

    // Add a row (action × category × source) at zero, then remove it.
    String lines = text(By.id("versionTitle"));
    browser.choose("addRowForm:actionId", "A6.1");
    browser.choose("addRowForm:categoryId", "COMM");
    browser.choose("addRowForm:sourceId", "Région");
    browser.driver.findElement(By.id("addRowForm:add")).click();
    By added = By.cssSelector("tr[title^='A6.1 · Communication · Région']");
    browser.wait.until(ExpectedConditions.presenceOfElementLocated(added));
    assertThat(text(By.id("versionTitle"))).isNotEqualTo(lines);
    assertThat(text(By.id("grandTotal"))).isEqualTo(grand);
    browser.driver.findElement(added).findElement(By.cssSelector("button.row-remove")).click();
    browser.wait.until(ExpectedConditions.numberOfElementsToBe(added, 0));
  }


  @Test
  void theAdministratorApprovesTheDraftWithACopilDecision() {
    Http pm = Http.basic(server, "projet", "jalon-demo");
    long draft = PlanApiIT.draft(pm);
    PlanApiIT.moveBetweenActions(pm, draft);
    browser.login("admin", "jalon-demo");
    browser.go("/plan/approval.xhtml?v=" + draft);
    browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("approvalForm:approve")));
    assertThat(browser.text()).contains("une décision du COPIL est requise", "Par catégorie", "Par action", "Part déplacée", "30 %");
    browser.choose("approvalForm:decisionId", "COPIL-2026-03-B2");
    browser.driver.findElement(By.id("approvalForm:approve")).click();
    browser.wait.until(d -> browser.text().contains("Version approuvée."));
    browser.screenshot("budget-approval-admin");
    String versions = pm.get("/api/budget/versions").body();
    assertThat(versions).doesNotContain("\"status\":\"DRAFT\"");
  }

  @Test
  void theBoardSeesTheGridReadOnly() {
    browser.login("conseil", "jalon-demo");
    browser.go("/plan/budget.xhtml");
    browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("grandTotal")));
    assertThat(browser.driver.findElements(By.cssSelector("input.cell"))).isEmpty();
    assertThat(browser.driver.findElements(By.id("addRowForm"))).isEmpty();
    assertThat(browser.text()).contains("Lecture seule", "Total général", "A1.1");
    List<WebElement> readOnly = browser.driver.findElements(By.cssSelector(".cell-ro"));
    assertThat(readOnly).isNotEmpty();
    browser.screenshot("budget-grid-conseil");
  }
}
