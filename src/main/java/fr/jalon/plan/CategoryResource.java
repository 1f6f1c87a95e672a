package fr.jalon.plan;

import fr.jalon.plan.PlanRecords.CategoryForm;
import fr.jalon.plan.PlanRecords.CategoryRow;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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

/** {@code /api/categories}: cost categories, read by every role, edited by the administrator. */
@RequestScoped
@Path("categories")
@Produces(MediaType.APPLICATION_JSON)
public class CategoryResource {
  @Inject CategoryService categories;

  @GET
  public List<CategoryRow> list() {
    return categories.list();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(@NotNull CategoryForm form) {
    return Response.status(201).entity(categories.create(form)).build();
  }

  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public CategoryRow update(@PathParam("id") long id, @NotNull CategoryForm form) {
    return categories.update(id, form);
  }
}
