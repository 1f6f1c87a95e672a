package fr.jalon.security;

import fr.jalon.platform.Faces;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The administrator's page of accounts: create, change roles, deactivate, reset a password. */
@Named
@ViewScoped
public class UsersView implements Serializable {
  @Inject UserService users;

  private List<UserService.UserSummary> list;
  private String username;
  private String displayName;
  private String email;
  private List<String> roles = new ArrayList<>();
  private UserService.UserSummary editing;
  private List<String> editRoles = new ArrayList<>();
  private String editDisplayName;
  private String editEmail;
  private String issuedPassword;
  private String issuedFor;

  public List<UserService.UserSummary> getList() {
    if (list == null) {
      list = users.list();
    }
    return list;
  }

  public void create() {
    try {
      UserService.Created created = users.create(new UserService.NewUser(username, displayName, email, toRoles(roles)));
      issuedPassword = created.temporaryPassword();
      issuedFor = created.user().username();
      username = displayName = email = null;
      roles = new ArrayList<>();
      list = null;
      Faces.info("user.created", created.user().username());
    } catch (RuntimeException e) {
      Faces.show(e, "createForm");
    }
  }

  public void edit(UserService.UserSummary user) {
    editing = user;
    editRoles = new ArrayList<>(user.roles().stream().map(Role::name).toList());
    editDisplayName = user.displayName();
    editEmail = user.email();
  }

  public void save() {
    try {
      users.update(editing.id(), editing.version(), editDisplayName, editEmail, toRoles(editRoles));
      Faces.info("user.saved", editing.username());
      editing = null;
      list = null;
    } catch (RuntimeException e) {
      Faces.show(e, "editForm");
    }
  }

  public void toggleActive(UserService.UserSummary user) {
    try {
      if (user.active()) {
        users.deactivate(user.id(), user.version());
        Faces.info("user.deactivated", user.username());
      } else {
        users.reactivate(user.id(), user.version());
        Faces.info("user.reactivated", user.username());
      }
    } catch (RuntimeException e) {
      Faces.show(e, "usersForm");
    }
    list = null;
  }

  public void resetPassword(UserService.UserSummary user) {
    try {
      UserService.Created created = users.resetPassword(user.id(), user.version());
      issuedPassword = created.temporaryPassword();
      issuedFor = user.username();
    } catch (RuntimeException e) {
      Faces.show(e, "usersForm");
    }
    list = null;
  }

  private static Set<Role> toRoles(List<String> names) {
    Set<Role> result = EnumSet.noneOf(Role.class);
    names.forEach(n -> result.add(Role.valueOf(n)));
    return result;
  }

  public Role[] getAllRoles() {
    return Role.values();
  }

  public String getUsername() { return username; }
  public void setUsername(String username) { this.username = username; }
  public String getDisplayName() { return displayName; }
  public void setDisplayName(String displayName) { this.displayName = displayName; }
  public String getEmail() { return email; }
  public void setEmail(String email) { this.email = email; }
  public List<String> getRoles() { return roles; }
  public void setRoles(List<String> roles) { this.roles = roles; }
  public UserService.UserSummary getEditing() { return editing; }
  public List<String> getEditRoles() { return editRoles; }
  public void setEditRoles(List<String> editRoles) { this.editRoles = editRoles; }
  public String getEditDisplayName() { return editDisplayName; }
  public void setEditDisplayName(String editDisplayName) { this.editDisplayName = editDisplayName; }
  public String getEditEmail() { return editEmail; }
  public void setEditEmail(String editEmail) { this.editEmail = editEmail; }
  public String getIssuedPassword() { return issuedPassword; }
  public String getIssuedFor() { return issuedFor; }
}
