package fr.jalon.milestone;

import fr.jalon.grant.GrantService;
import fr.jalon.milestone.MilestoneRecords.MilestoneRow;
import fr.jalon.platform.Dates;
import fr.jalon.platform.Faces;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The timeline: one row per action, one column per year of the grant, each milestone placed in the
 * year of its forecast date, coloured by status, with late and slipping badges.
 */
@Named
@ViewScoped
public class TimelineView implements Serializable {
  @Inject MilestoneService milestones;
  @Inject GrantService grants;

  private List<Integer> years;
  private List<Lane> lanes;

  /** One action's row: its milestones by year. */
  public record Lane(String actionCode, String actionTitle, List<List<MilestoneRow>> cells) implements Serializable {}

  public List<Integer> getYears() {
    if (years == null) {
      years = grants.current().years();
    }
    return years;
  }

  public List<Lane> getLanes() {
    if (lanes == null) {
      Map<String, Lane> byAction = new LinkedHashMap<>();
      List<MilestoneRow> all = new ArrayList<>(milestones.all());
      all.sort(java.util.Comparator.comparing(MilestoneRow::actionCode).thenComparing(MilestoneRow::forecastDate));
      for (MilestoneRow m : all) {
        Lane lane = byAction.computeIfAbsent(m.actionCode(), k -> new Lane(m.actionCode(), m.actionTitle(), emptyCells()));
        int index = getYears().indexOf(m.forecastDate().getYear());
        if (index < 0) {
          index = m.forecastDate().getYear() < getYears().get(0) ? 0 : getYears().size() - 1;
        }
        lane.cells().get(index).add(m);
      }
      lanes = new ArrayList<>(byAction.values());
    }
    return lanes;
  }

  private List<List<MilestoneRow>> emptyCells() {
    List<List<MilestoneRow>> cells = new ArrayList<>();
    for (int i = 0; i < getYears().size(); i++) {
      cells.add(new ArrayList<>());
    }
    return cells;
  }

  public String date(java.time.LocalDate d) {
    return d == null ? "" : Dates.format(d, Faces.locale());
  }
}
