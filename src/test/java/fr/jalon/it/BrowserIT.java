package fr.jalon.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** What each kind of user sees and does, in a real headless Chromium. */
class BrowserIT extends BrowserTest {
  private static List<String> menu() {
    return browser.driver.findElements(By.cssSelector("#menu .menu-label")).stream().map(WebElement::getText).toList();
  }

  @Test
  void eachRoleSeesExactlyItsMenuAndLogsOut() {
    record Expected(String user, String role) {
      /** The menu the permission table gives the role, in French: the browser must show exactly that. */
      List<String> menu() {
        return fr.jalon.security.Permissions.MENU.stream()
            .filter(m -> fr.jalon.security.Permissions.mayOpen(m.path(), java.util.Set.of(role)))
            .map(m -> fr.jalon.platform.Messages.get(m.labelKey()))
            .toList();
      }
    }
    for (Expected e : List.of(new Expected("admin", "ADMIN"), new Expected("projet", "PROJECT_MANAGER"), new Expected("finance", "FINANCE"),
        new Expected("conseil", "BOARD"))) {
      browser.login(e.user(), "jalon-demo");
      assertThat(browser.driver.getCurrentUrl()).as("the board lands on its dashboard, the others on the home page")
          .endsWith(e.role().equals("BOARD") ? "/dashboard/dashboard.xhtml" : "/index.xhtml");
      assertThat(menu()).as(e.user()).isEqualTo(e.menu());
      assertThat(browser.text()).contains("PIA3-TIP-CMQ-2020-OCC-07", "2 000 000,00 €");
      browser.screenshot("accueil-" + e.user());
      browser.logout();
      assertThat(browser.text()).contains("Vous êtes déconnecté.");
    }
  }

  @Test
  void aWrongPasswordIsRefusedInFrenchWithoutSayingWhichPart() {
    browser.login("finance", "mauvais mot de passe");
    assertThat(browser.driver.getCurrentUrl()).contains("/login.xhtml");
    assertThat(browser.text()).contains("Identifiant ou mot de passe incorrect.");
  }

  @Test
  void theLoginPageSwitchesToEnglish() {
    browser.go("/login.xhtml");
    browser.driver.findElement(By.id("languageForm:language")).click();
    browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("loginForm:submit"), "Log in"));
    browser.screenshot("login-en");
    browser.driver.findElement(By.id("languageForm:language")).click();
    browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("loginForm:submit"), "Se connecter"));
  }

  @Test
  void theAdministratorEditsTheGrantAndSeesItSaved() {
    browser.login("admin", "jalon-demo");
    browser.go("/grant/edit.xhtml");
    By title = By.id("grantForm:title");
    String original = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(title)).getAttribute("value");

    browser.type(title, "");
    browser.driver.findElement(By.id("grantForm:save")).click();
    browser.wait.until(d -> d.findElements(By.cssSelector(".ui-message-error")).stream().anyMatch(m -> m.getText().contains("Intitulé : ce champ est obligatoire.")));
    browser.screenshot("convention-erreur");

    browser.type(title, "Campus Industrie du Futur — intitulé modifié dans le navigateur");
    browser.driver.findElement(By.id("grantForm:save")).click();
    browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("growl_container"), "Convention enregistrée."));
    browser.go("/grant/grant.xhtml");
    assertThat(browser.driver.findElement(By.id("grantTitle")).getText()).isEqualTo("Campus Industrie du Futur — intitulé modifié dans le navigateur");
    browser.screenshot("convention");

    browser.go("/grant/edit.xhtml");
    browser.type(title, original);
    browser.driver.findElement(By.id("grantForm:save")).click();
    browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("growl_container"), "Convention enregistrée."));
    browser.logout();
  }

  @Test
  void aSecondAdministratorSavingInBetweenGetsAConflictNotASilentOverwrite() {
    browser.login("admin", "jalon-demo");
    browser.go("/grant/edit.xhtml");
    By programme = By.id("grantForm:programme");
    browser.wait.until(ExpectedConditions.visibilityOfElementLocated(programme));

    // Meanwhile another administrator saves the grant through the API.
    Http other = Http.basic(server, "admin", "jalon-demo");
    String current = other.get("/api/grant").body();
    assertThat(other.json("PUT", "/api/grant", current).statusCode()).isEqualTo(200);

    browser.type(programme, "PIA 3 — programme modifié trop tard");
    browser.driver.findElement(By.id("grantForm:save")).click();
    browser.wait.until(d -> browser.text().contains("Quelqu’un d’autre a enregistré cette fiche"));
    browser.screenshot("convention-conflit");
    assertThat(other.get("/api/grant").body()).doesNotContain("programme modifié trop tard");
    browser.driver.findElement(By.id("grantForm:reload")).click();
    browser.wait.until(d -> !d.findElement(programme).getAttribute("value").contains("trop tard"));
    browser.logout();
  }

  @Test
  void theBoardIsRefusedTheEditPageButReadsTheGrant() {
    browser.login("conseil", "jalon-demo");
    browser.go("/grant/grant.xhtml");
    assertThat(browser.text()).contains("Paramètres de la convention", "Taux PIA maximal", "Télécharger la fiche convention (PDF)").doesNotContain("Modifier la convention");
    browser.go("/grant/edit.xhtml");
    assertThat(browser.text()).contains("Accès refusé", "Vos rôles ne permettent pas cette action.");
    browser.screenshot("conseil-refuse");
    browser.go("/index.xhtml");
    browser.logout();
  }
}
