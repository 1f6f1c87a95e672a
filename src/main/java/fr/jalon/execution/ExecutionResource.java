package fr.jalon.execution;

import fr.jalon.execution.ExecutionFigures.Axis;
import fr.jalon.execution.ExecutionFigures.Scope;
import fr.jalon.platform.RuleViolation;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/**
 * {@code /api/execution/figures}: budget against actual, every role reads. {@code by} lists the
 * axes to group on, comma separated ({@code action}, {@code category}, {@code source}, {@code
 * year}; none: the whole grant, one figure); {@code action}, {@code category}, {@code source},
 * {@code year} narrow the scope.
 */
@RequestScoped
@Path("execution")
@Produces(MediaType.APPLICATION_JSON)
public class ExecutionResource {
  @Inject ExecutionFigures figures;

  /** One figure with what is derived from it. */
  public record FigureJson(Long actionId, String actionCode, Long categoryId, String categoryCode, Long sourceId, String sourceLabel, Integer year,
      BigDecimal planned, BigDecimal committed, BigDecimal paid, BigDecimal declared, BigDecimal accepted, BigDecimal stillToPay, BigDecimal available,
      BigDecimal consumptionRate, boolean overBudget) {
    static FigureJson of(Figure f) {
      return new FigureJson(f.actionId(), f.actionCode(), f.categoryId(), f.categoryCode(), f.sourceId(), f.sourceLabel(), f.year(), f.planned(), f.committed(),
          f.paid(), f.declared(), f.accepted(), f.stillToPay(), f.available(), f.consumptionRate(), f.overBudget());
    }
  }

  @GET
  @Path("figures")
  public List<FigureJson> figures(@QueryParam("by") String by, @QueryParam("action") Long action, @QueryParam("category") Long category,
      @QueryParam("source") Long source, @QueryParam("year") Integer year) {
    EnumSet<Axis> axes = EnumSet.noneOf(Axis.class);
    if (by != null) {
      for (String part : by.split(",")) {
        if (part.isBlank()) {
          continue;
        }
        try {
          axes.add(Axis.valueOf(part.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
          throw new RuleViolation("by", "execution.axis.unknown", part.trim());
        }
      }
    }
    return figures.figures(new Scope(action, category, source, year), axes).stream().map(FigureJson::of).toList();
  }
}
