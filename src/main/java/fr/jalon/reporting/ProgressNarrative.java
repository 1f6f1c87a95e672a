package fr.jalon.reporting;

import fr.jalon.audit.Audited;
import fr.jalon.grant.Grant;
import fr.jalon.plan.Action;
import fr.jalon.platform.RuleViolation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The project manager's narrative of one action for one calendar year, carried by the progress
 * report: what was done, the gaps and their explanations, next year's plan. Each text is optional
 * and at most {@link #MAX} characters.
 */
@Entity
@Table(name = "PROGRESS_NARRATIVE")
public class ProgressNarrative implements Audited {
  public static final int MAX = 8000;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "GRANT_ID", nullable = false, updatable = false)
  private Grant grant;

  @ManyToOne(optional = false)
  @JoinColumn(name = "ACTION_ID", nullable = false, updatable = false)
  private Action action;

  @Column(name = "NARRATIVE_YEAR", nullable = false, updatable = false)
  private int year;

  @Column(name = "PROGRESS", length = MAX)
  private String progress;

  @Column(name = "GAPS", length = MAX)
  private String gaps;

  @Column(name = "NEXT_PLAN", length = MAX)
  private String nextPlan;

  @Column(name = "UPDATED_AT", nullable = false)
  private LocalDateTime updatedAt;

  @Column(name = "UPDATED_BY", nullable = false)
  private String updatedBy;

  @Version
  @Column(name = "VERSION")
  private int version;

  protected ProgressNarrative() {}

  public ProgressNarrative(Action action, int year) {
    this.grant = action.grant();
    this.action = action;
    this.year = year;
  }

  /** Replaces the three texts (blank: none); refuses a text longer than {@link #MAX}. */
  public void write(String progress, String gaps, String nextPlan, LocalDateTime now, String by) {
    List<RuleViolation> problems = new ArrayList<>();
    check(problems, "progress", progress);
    check(problems, "gaps", gaps);
    check(problems, "nextPlan", nextPlan);
    RuleViolation.throwIfAny(problems);
    this.progress = clean(progress);
    this.gaps = clean(gaps);
    this.nextPlan = clean(nextPlan);
    this.updatedAt = now;
    this.updatedBy = by;
  }

  private static void check(List<RuleViolation> problems, String field, String text) {
    if (text != null && text.strip().length() > MAX) {
      problems.add(new RuleViolation(field, "field.tooLong", MAX));
    }
  }

  private static String clean(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  @Override
  public Object auditKey() {
    return action.code() + " " + year;
  }

  public Long id() { return id; }
  public Action action() { return action; }
  public int year() { return year; }
  public String progress() { return progress; }
  public String gaps() { return gaps; }
  public String nextPlan() { return nextPlan; }
  public LocalDateTime updatedAt() { return updatedAt; }
  public String updatedBy() { return updatedBy; }
  public int version() { return version; }
}
