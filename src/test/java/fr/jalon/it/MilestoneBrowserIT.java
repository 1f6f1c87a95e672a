package fr.jalon.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The milestone pages in a real headless Chromium: the project manager declares a milestone reached with its evidence, the board sees it on the timeline. */
class MilestoneBrowserIT extends BrowserTest {
  @Test
  void theProjectManagerDeclaresAMilestoneReachedWithEvidenceAndTheBoardSeesItOnTheTimeline() throws Exception {
    Path evidence = Files.createTempFile("pv-internat-", ".pdf");
    Files.writeString(evidence, "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    browser.login("projet", "jalon-demo");
    browser.go("/milestone/milestones.xhtml");
    assertThat(browser.text()).contains("Jalons", "J05", "En retard", "Glissement");
    browser.driver.findElement(By.linkText("J06")).click();
    browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("evidenceForm")));
    assertThat(browser.text()).contains("Internat rénové livré", "En cours", "En retard", "Aucune preuve déposée.");

    browser.driver.findElement(By.cssSelector("#evidenceForm input[type='file']")).sendKeys(evidence.toString());
    browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("evidence"), evidence.getFileName().toString()));
    browser.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.step-REACH"))).click();
    browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("growl_container"), "Jalon J06 : Atteint."));
    assertThat(browser.driver.findElement(By.id("status")).getText()).isEqualTo("Atteint");
    browser.screenshot("jalon-atteint");
    browser.logout();

    browser.login("conseil", "jalon-demo");
    browser.go("/milestone/timeline.xhtml");
    var chip = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//a[contains(@class,'milestone-chip')][span[@class='code' and text()='J06']]")));
    assertThat(chip.getAttribute("class")).contains("milestone-REACHED");
    assertThat(chip.getText()).contains("Atteint").doesNotContain("En retard");
    assertThat(browser.text()).contains("Frise des jalons", "J02", "Validé", "J07", "Glissement");
    assertThat(browser.driver.findElements(By.cssSelector("#stepsForm, #evidenceForm"))).isEmpty();
    browser.screenshot("frise-conseil");
    browser.logout();
    Files.deleteIfExists(evidence);
  }
}
