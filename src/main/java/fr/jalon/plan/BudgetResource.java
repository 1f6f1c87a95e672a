package fr.jalon.plan;

import fr.jalon.plan.PlanRecords.Approval;
import fr.jalon.plan.PlanRecords.ApprovalReview;
import fr.jalon.plan.PlanRecords.CellChange;
import fr.jalon.plan.PlanRecords.Comparison;
import fr.jalon.plan.PlanRecords.DecisionRow;
import fr.jalon.plan.PlanRecords.Grid;
import fr.jalon.plan.PlanRecords.NewRevision;
import fr.jalon.plan.PlanRecords.RowKey;
import fr.jalon.plan.PlanRecords.VersionRow;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/budget}: the budget annex. Everyone reads; the project manager and finance edit a
 * draft; the administrator approves (rule 12).
 */
@RequestScoped
@Path("budget")
@Produces(MediaType.APPLICATION_JSON)
public class BudgetResource {
  @Inject BudgetService budget;

  @GET
  @Path("versions")
  public List<VersionRow> versions() {
    return budget.versions();
  }

  /** The grid of a version: groups by action, one amount per year, totals. */
  @GET
  @Path("versions/{id}")
  public Grid grid(@PathParam("id") long id) {
    return budget.grid(id);
  }

  /** Writes cells of a draft: [{actionId, categoryId, sourceId, year, amount}]; all or nothing. */
  @PUT
  @Path("versions/{id}/cells")
  @Consumes(MediaType.APPLICATION_JSON)
  public Map<String, Object> putCells(@PathParam("id") long id, @NotNull List<CellChange> cells) {
    int n = budget.putCells(id, cells);
    return Map.of("written", n, "total", budget.grid(id).total());
  }

  /** Adds a row (action × category × source) at zero for every year. */
  @POST
  @Path("versions/{id}/rows")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response addRow(@PathParam("id") long id, @NotNull RowKey row) {
    budget.addRow(id, row);
    return Response.status(201).build();
  }

  /** A new draft copied from the version in force: {"label": "…"}. */
  @POST
  @Path("revisions")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response revise(NewRevision revision) {
    if (revision == null || revision.label() == null || revision.label().isBlank()) {
      throw new fr.jalon.platform.RuleViolation("label", "field.required");
    }
    return Response.status(201).entity(budget.createRevision(revision.label())).build();
  }

  /** Rule 12 for a version: per category and per action, what moved since the baseline. */
  @GET
  @Path("versions/{id}/approval")
  public ApprovalReview review(@PathParam("id") long id) {
    return budget.review(id);
  }

  @POST
  @Path("versions/{id}/approval")
  @Consumes(MediaType.APPLICATION_JSON)
  public VersionRow approve(@PathParam("id") long id, Approval approval) {
    return budget.approve(id, approval);
  }

  @GET
  @Path("compare")
  public Comparison compare(@QueryParam("left") long left, @QueryParam("right") long right) {
    return budget.compare(left, right);
  }

  @GET
  @Path("decisions")
  public List<DecisionRow> decisions() {
    return budget.decisions();
  }
}
