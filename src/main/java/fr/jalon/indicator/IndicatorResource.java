package fr.jalon.indicator;

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
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/indicators}: everybody reads; the project manager defines indicators, sets their
 * targets and records their values. School years are named by the year they start (2023 = 2023-2024).
 */
@RequestScoped
@Path("indicators")
@Produces(MediaType.APPLICATION_JSON)
public class IndicatorResource {
  @Inject IndicatorService indicators;

  /** The table of the latest school year with recorded values. */
  @GET
  public List<IndicatorRow> latest() {
    return indicators.table(indicators.latestRecordedSchoolYear());
  }

  @GET
  @Path("school-years/{year}")
  public List<IndicatorRow> table(@PathParam("year") int year) {
    return indicators.table(new SchoolYear(year));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response define(@NotNull IndicatorDefinition definition) {
    return Response.status(201).entity(indicators.define(definition)).build();
  }

  @GET
  @Path("{id}")
  public IndicatorDetail get(@PathParam("id") long id) {
    return indicators.detail(id);
  }

  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public IndicatorDetail redefine(@PathParam("id") long id, @NotNull IndicatorDefinition definition) {
    return indicators.redefine(id, definition);
  }

  /** Targets by school year, e.g. {@code {"2023": 120, "2024": 140}}; null removes one. */
  @PUT
  @Path("{id}/targets")
  @Consumes(MediaType.APPLICATION_JSON)
  public IndicatorDetail targets(@PathParam("id") long id, @NotNull Map<Integer, BigDecimal> targets) {
    return indicators.setTargets(id, targets);
  }

  @POST
  @Path("{id}/values")
  @Consumes(MediaType.APPLICATION_JSON)
  public IndicatorDetail record(@PathParam("id") long id, @NotNull NewIndicatorValue value) {
    return indicators.recordValue(id, value);
  }
}
