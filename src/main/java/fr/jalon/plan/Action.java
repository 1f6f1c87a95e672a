package fr.jalon.plan;

import fr.jalon.audit.Audited;
import fr.jalon.grant.Grant;
import fr.jalon.grant.Organisation;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One node of the action plan: an axis (no parent), an action (under an axis) or a sub-action
 * (under an action). Its dates lie inside the grant's; an action is closed, never deleted, once
 * money is planned on it.
 */
@Entity
@Table(name = "PLAN_ACTION")
public class Action implements Audited {
  /** Axis → action → sub-action: three levels. */
  public static final int MAX_DEPTH = 3;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "GRANT_ID", nullable = false)
  private Grant grant;

  @ManyToOne
  @JoinColumn(name = "PARENT_ID")
  private Action parent;

  @Column(name = "CODE", nullable = false)
  private String code;

  @Column(name = "TITLE", nullable = false)
  private String title;

  @Column(name = "DESCRIPTION")
  private String description;

  @ManyToOne
  @JoinColumn(name = "LEAD_ORGANISATION_ID")
  private Organisation leadOrganisation;

  @Column(name = "START_DATE", nullable = false)
  private LocalDate startDate;

  @Column(name = "END_DATE", nullable = false)
  private LocalDate endDate;

  @Column(name = "CLOSED", nullable = false)
  private boolean closed;

  @Version
  @Column(name = "VERSION")
  private int version;

  protected Action() {}

  public Action(Grant grant, Action parent, String code, String title, String description, Organisation lead, LocalDate start, LocalDate end) {
    if (grant == null) {
      throw new IllegalArgumentException("grant");
    }
    if (parent != null && parent.depth() >= MAX_DEPTH) {
      throw new RuleViolation("parentId", "action.parent.tooDeep");
    }
    if (parent != null && parent.closed) {
      throw new RuleViolation("parentId", "action.parent.closed");
    }
    this.grant = grant;
    this.parent = parent;
    describe(code, title, description, lead, start, end);
  }

  /** Changes what the action is; every field is checked before anything changes. */
  public void describe(String code, String title, String description, Organisation lead, LocalDate start, LocalDate end) {
    List<RuleViolation> v = new ArrayList<>();
    if (code == null || code.isBlank()) {
      v.add(new RuleViolation("code", "field.required"));
    } else if (code.trim().length() > 20) {
      v.add(new RuleViolation("code", "field.tooLong", 20));
    }
    if (title == null || title.isBlank()) {
      v.add(new RuleViolation("title", "field.required"));
    } else if (title.trim().length() > 300) {
      v.add(new RuleViolation("title", "field.tooLong", 300));
    }
    if (description != null && description.length() > 4000) {
      v.add(new RuleViolation("description", "field.tooLong", 4000));
    }
    if (start == null) {
      v.add(new RuleViolation("startDate", "field.required"));
    } else if (start.isBefore(grant.eligibilityStart())) {
      v.add(new RuleViolation("startDate", "action.start.beforeGrant", fr.jalon.platform.Dates.format(grant.eligibilityStart())));
    }
    if (end == null) {
      v.add(new RuleViolation("endDate", "field.required"));
    } else if (end.isAfter(grant.endDate())) {
      v.add(new RuleViolation("endDate", "action.end.afterGrant", fr.jalon.platform.Dates.format(grant.endDate())));
    } else if (start != null && end.isBefore(start)) {
      v.add(new RuleViolation("endDate", "action.end.beforeStart"));
    }
    RuleViolation.throwIfAny(v);
    this.code = code.trim();
    this.title = title.trim();
    this.description = description == null || description.isBlank() ? null : description.trim();
    this.leadOrganisation = lead;
    this.startDate = start;
    this.endDate = end;
  }

  /** Ends the action: it stays in the plan and its budget, and takes no new child. */
  public void close() {
    this.closed = true;
  }

  public void reopen() {
    this.closed = false;
  }

  /** 1 for an axis, 2 for an action, 3 for a sub-action. */
  public int depth() {
    return parent == null ? 1 : parent.depth() + 1;
  }

  @Override
  public Object auditKey() {
    return code;
  }

  public Long id() {
    return id;
  }

  public Grant grant() {
    return grant;
  }

  public Action parent() {
    return parent;
  }

  public String code() {
    return code;
  }

  public String title() {
    return title;
  }

  public String description() {
    return description;
  }

  public Organisation leadOrganisation() {
    return leadOrganisation;
  }

  public LocalDate startDate() {
    return startDate;
  }

  public LocalDate endDate() {
    return endDate;
  }

  public boolean closed() {
    return closed;
  }

  public int version() {
    return version;
  }
}
