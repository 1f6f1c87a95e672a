package fr.jalon.security;

import fr.jalon.platform.Faces;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Every user changes their own password here; a temporary one must be changed before anything else. */
@Named
@RequestScoped
public class PasswordView {
  @Inject UserService users;

  private Boolean temporary;
  private String currentPassword;
  private String newPassword;
  private String confirmation;

  public void change() {
    if (newPassword == null || !newPassword.equals(confirmation)) {
      Faces.error("passwordForm:confirmation", Faces.text("password.confirmation.mismatch"));
      return;
    }
    try {
      boolean wasTemporary = isTemporary();
      users.changeOwnPassword(currentPassword == null ? "" : currentPassword, newPassword);
      var external = FacesContext.getCurrentInstance().getExternalContext();
      Faces.info("password.changed");
      if (wasTemporary) {
        // The way on is open now: straight to the home page.
        external.getFlash().setKeepMessages(true);
        external.redirect(external.getRequestContextPath() + "/index.xhtml");
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (RuntimeException e) {
      Faces.show(e, "passwordForm");
    }
  }

  public int getMinLength() {
    return UserService.MIN_PASSWORD_LENGTH;
  }

  public boolean isTemporary() {
    if (temporary == null) {
      temporary = users.me().mustChangePassword();
    }
    return temporary;
  }

  public String getCurrentPassword() {
    return currentPassword;
  }

  public void setCurrentPassword(String currentPassword) {
    this.currentPassword = currentPassword;
  }

  public String getNewPassword() {
    return newPassword;
  }

  public void setNewPassword(String newPassword) {
    this.newPassword = newPassword;
  }

  public String getConfirmation() {
    return confirmation;
  }

  public void setConfirmation(String confirmation) {
    this.confirmation = confirmation;
  }
}
