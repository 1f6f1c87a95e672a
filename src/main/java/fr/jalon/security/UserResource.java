package fr.jalon.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;

/** {@code /api/users} for the administrator; {@code /api/me} for everybody. */
@RequestScoped
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UserResource {
  @Inject UserService users;

  /** A change to an account: its details and roles, and whether it is active. */
  public record UserChange(@NotNull Integer version, String displayName, String email, Set<Role> roles, Boolean active) {}

  public record PasswordChange(@NotNull String currentPassword, @NotNull String newPassword) {}

  @GET
  @Path("users")
  public List<UserService.UserSummary> list() {
    return users.list();
  }

  @POST
  @Path("users")
  public Response create(@NotNull @Valid UserService.NewUser request) {
    return Response.status(201).entity(users.create(request)).build();
  }

  @PUT
  @Path("users/{id}")
  public UserService.UserSummary update(@PathParam("id") long id, @NotNull @Valid UserChange change) {
    return users.change(id, change.version(), change.displayName(), change.email(), change.roles(), change.active());
  }

  @GET
  @Path("me")
  public UserService.UserSummary me() {
    return users.me();
  }

  @PUT
  @Path("me/password")
  public Response changePassword(@NotNull @Valid PasswordChange change) {
    users.changeOwnPassword(change.currentPassword(), change.newPassword());
    return Response.noContent().build();
  }
}
