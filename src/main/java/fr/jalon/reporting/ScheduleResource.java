package fr.jalon.reporting;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** {@code /api/reports/schedule}: the rhythm of the periodic generation per report type (administrator). */
@RequestScoped
@Path("reports/schedule")
@Produces(MediaType.APPLICATION_JSON)
public class ScheduleResource {
  @Inject ScheduleService schedule;

  @GET
  public List<ScheduleService.ScheduleRow> settings() {
    return schedule.settings();
  }

  /** {@code [{"type":"COFUNDING","rhythm":"YEAR"},{"type":"ERD","rhythm":"SEMESTER","version":0}]} */
  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  public List<ScheduleService.ScheduleRow> change(List<ScheduleService.ScheduleRow> rows) {
    return schedule.change(rows);
  }
}
