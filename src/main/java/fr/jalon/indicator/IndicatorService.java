package fr.jalon.indicator;

import static fr.jalon.platform.Roles.ADMIN;
import static fr.jalon.platform.Roles.BOARD;
import static fr.jalon.platform.Roles.FINANCE;
import static fr.jalon.platform.Roles.PROJECT_MANAGER;

import fr.jalon.audit.AuditContext;
import fr.jalon.grant.Grant;
import fr.jalon.grant.FundingRepository;
import fr.jalon.grant.GrantService;
import fr.jalon.platform.ConcurrentEditException;
import fr.jalon.platform.Messages;
import fr.jalon.platform.NotFoundException;
import fr.jalon.platform.RuleViolation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Use cases on indicators: the project manager defines them and records values; everybody reads them. */
@ApplicationScoped
public class IndicatorService {

  @PersistenceContext EntityManager em;
  @Inject GrantService grants;
  @Inject Clock clock;
  @Inject FundingRepository funding;

  /** The grant's school years, from the one its eligibility starts in to the one it ends in. */
  @RolesAllowed({ADMIN, PROJECT_MANAGER, FINANCE, BOARD})
  public List<SchoolYear> schoolYears() {
    Grant grant = grants.grant();
    return SchoolYear.covering(grant.eligibilityStart(), grant.endDate());
  }

  /** The school year today falls in, kept within the grant's. */
  @RolesAllowed({ADMIN, PROJECT_MANAGER, FINANCE, BOARD})
  public SchoolYear currentSchoolYear() {
    List<SchoolYear> years = schoolYears();
    SchoolYear now = SchoolYear.of(LocalDate.now(clock));
    if (now.compareTo(years.get(0)) < 0) {
      return years.get(0);
    }
    return now.compareTo(years.get(years.size() - 1)) > 0 ? years.get(years.size() - 1) : now;
  }

  /** The latest school year with a recorded value (the one a reader wants first), else the current one. */
  @RolesAllowed({ADMIN, PROJECT_MANAGER, FINANCE, BOARD})
  public SchoolYear latestRecordedSchoolYear() {
    Integer latest = em.createQuery("SELECT MAX(v.schoolYear) FROM IndicatorValue v WHERE v.indicator.grant = :grant", Integer.class)
        .setParameter("grant", grants.grant())
        .getSingleResult();
    return latest == null ? currentSchoolYear() : new SchoolYear(latest);
  }

  /** Every indicator for one school year: target, value (computed for derived ones), breakdown. */
  @RolesAllowed({ADMIN, PROJECT_MANAGER, FINANCE, BOARD})
  public List<IndicatorRow> table(@NotNull SchoolYear year) {
    List<Indicator> indicators = indicators();
    Map<Long, IndicatorValue> values = new HashMap<>();
    for (IndicatorValue v : em.createQuery("SELECT v FROM IndicatorValue v WHERE v.indicator.grant = :grant AND v.schoolYear = :year", IndicatorValue.class)
        .setParameter("grant", grants.grant())
        .setParameter("year", year.startYear())
        .getResultList()) {
      values.put(v.indicator().id(), v);
    }
    List<IndicatorRow> rows = new ArrayList<>();
    for (Indicator i : indicators) {
      IndicatorValue typed = values.get(i.id());
      BigDecimal value = i.derived() ? derivedValue(i, year, values) : typed == null ? null : typed.amount();
      rows.add(new IndicatorRow(i.id(), i.code(), i.label(), i.unit(), i.kind(), i.baseline(), i.derived(), i.targetFor(year).orElse(null), value,
          typed == null ? List.of() : parts(typed), typed == null ? null : typed.comment()));
    }
    return rows;
  }

  @RolesAllowed({ADMIN, PROJECT_MANAGER, FINANCE, BOARD})
  public IndicatorDetail detail(long id) {
    Indicator i = find(id);
    Map<Integer, IndicatorValue> byYear = new HashMap<>();
    for (IndicatorValue v : valuesOf(i.derived() && i.source() != null ? i.source() : i)) {
      byYear.put(v.schoolYear().startYear(), v);
    }
    List<IndicatorDetail.Point> series = new ArrayList<>();
    for (SchoolYear year : schoolYears()) {
      IndicatorValue typed = i.derived() ? null : byYear.get(year.startYear());
      BigDecimal value = i.derived() ? derive(i, year, byYear.get(year.startYear())) : typed == null ? null : typed.amount();
      series.add(new IndicatorDetail.Point(year.startYear(), year.label(), i.targetFor(year).orElse(null), value,
          typed == null ? List.of() : parts(typed), typed == null ? null : typed.comment()));
    }
    return new IndicatorDetail(i.id(), i.code(), i.label(), i.unit(), i.kind(), i.baseline(), i.breakdown(), i.derivation(),
        i.source() == null ? null : i.source().id(), i.sourcePart(), i.version(), series);
  }

  /** An indicator a share may be computed from, as a picker shows it. */
  public record SourceChoice(long id, String code, String label) {}

  /** The indicators a share may be computed from: those with a breakdown (one query, no series). */
  @RolesAllowed({ADMIN, PROJECT_MANAGER, FINANCE, BOARD})
  public List<SourceChoice> withBreakdown() {
    return indicators().stream().filter(i -> !i.breakdown().isEmpty()).map(i -> new SourceChoice(i.id(), i.code(), i.label())).toList();
  }

  @RolesAllowed(PROJECT_MANAGER)
  @Transactional
  public IndicatorDetail define(@NotNull IndicatorDefinition definition) {
    Grant grant = grants.grant();
    checkCodeFree(grant, definition.code(), null);
    Indicator indicator = new Indicator(grant, definition, source(definition));
    indicator.placeAt(indicators().size());
    em.persist(indicator);
    em.flush();
    return detail(indicator.id());
  }

  /** Changes a definition if nobody saved it since {@code definition.version()}. */
  @RolesAllowed(PROJECT_MANAGER)
  @Transactional
  public IndicatorDetail redefine(long id, @NotNull IndicatorDefinition definition) {
    Indicator indicator = find(id);
    if (definition.version() == null) {
      throw new RuleViolation("version", "field.required");
    }
    if (definition.version() != indicator.version()) {
      throw new ConcurrentEditException(indicator.code());
    }
    checkCodeFree(indicator.grant(), definition.code(), indicator.id());
    boolean hadValues = !valuesOf(indicator).isEmpty();
    if (hadValues && definition.derivation() != null) {
      throw new RuleViolation("derivation", "indicator.derived.hasValues");
    }
    indicator.redefine(definition, source(definition));
    em.flush();
    return detail(id);
  }

  /** Sets the targets by school year; a null target removes that year's target. */
  @RolesAllowed(PROJECT_MANAGER)
  @Transactional
  public IndicatorDetail setTargets(long id, @NotNull Map<Integer, BigDecimal> targets) {
    Indicator indicator = find(id);
    if (targets.isEmpty()) {
      throw new RuleViolation("targets", "field.required");
    }
    List<SchoolYear> years = schoolYears();
    for (Map.Entry<Integer, BigDecimal> t : targets.entrySet()) {
      SchoolYear year = new SchoolYear(t.getKey());
      if (!years.contains(year)) {
        throw new RuleViolation("schoolYear", "indicator.schoolYear.outsideGrant", year.label());
      }
      indicator.target(year, t.getValue());
    }
    em.flush();
    return detail(id);
  }

  /** Records (or corrects) the value of a school year that has started. */
  @RolesAllowed(PROJECT_MANAGER)
  @Transactional
  public IndicatorDetail recordValue(long id, @NotNull NewIndicatorValue value) {
    Indicator indicator = find(id);
    if (value.schoolYear() == null) {
      throw new RuleViolation("schoolYear", "field.required");
    }
    SchoolYear year = new SchoolYear(value.schoolYear());
    if (!schoolYears().contains(year)) {
      throw new RuleViolation("schoolYear", "indicator.schoolYear.outsideGrant", year.label());
    }
    if (year.firstDay().isAfter(LocalDate.now(clock))) {
      throw new RuleViolation("schoolYear", "indicator.schoolYear.future", year.label());
    }
    IndicatorValue recorded = valuesOf(indicator).stream().filter(v -> v.schoolYear().equals(year)).findFirst().orElse(null);
    boolean fresh = recorded == null;
    if (fresh) {
      recorded = new IndicatorValue(indicator, year);
    }
    recorded.record(value.amount(), value.parts(), value.comment(), AuditContext.now(), AuditContext.actor());
    if (fresh) {
      em.persist(recorded);
    }
    em.flush();
    return detail(id);
  }

  private void checkCodeFree(Grant grant, String code, Long self) {
    if (code == null || code.isBlank()) {
      return;
    }
    boolean taken = em.createQuery("SELECT i.id FROM Indicator i WHERE i.grant = :grant AND UPPER(i.code) = :code", Long.class)
        .setParameter("grant", grant)
        .setParameter("code", code.trim().toUpperCase(java.util.Locale.ROOT))
        .getResultStream()
        .anyMatch(id -> !id.equals(self));
    if (taken) {
      throw new RuleViolation("code", "indicator.code.taken", code.trim());
    }
  }

  private Indicator source(IndicatorDefinition d) {
    return d.sourceIndicatorId() == null ? null : em.find(Indicator.class, d.sourceIndicatorId());
  }

  private Indicator find(long id) {
    Indicator i = em.find(Indicator.class, id);
    if (i == null || !i.grant().id().equals(grants.grant().id())) {
      throw new NotFoundException(Messages.get("indicator.notFound"));
    }
    return i;
  }

  private List<Indicator> indicators() {
    return em.createQuery("SELECT i FROM Indicator i WHERE i.grant = :grant ORDER BY i.sortOrder, i.code", Indicator.class)
        .setParameter("grant", grants.grant())
        .getResultList();
  }

  private List<IndicatorValue> valuesOf(Indicator i) {
    return em.createQuery("SELECT v FROM IndicatorValue v WHERE v.indicator = :i ORDER BY v.schoolYear", IndicatorValue.class).setParameter("i", i).getResultList();
  }

  private static List<IndicatorRow.Part> parts(IndicatorValue v) {
    return v.parts().stream().map(p -> new IndicatorRow.Part(p.label(), p.amount())).toList();
  }

  private BigDecimal derivedValue(Indicator i, SchoolYear year, Map<Long, IndicatorValue> values) {
    return derive(i, year, i.source() == null ? null : values.get(i.source().id()));
  }

  /** A derived indicator's value for a school year; null when it cannot be computed yet. */
  private BigDecimal derive(Indicator i, SchoolYear year, IndicatorValue sourceValue) {
    return switch (i.derivation()) {
      case SHARE_OF_PART -> IndicatorFormulas.share(sourceValue == null ? null : sourceValue.amount(),
          sourceValue == null ? null : sourceValue.parts().stream().filter(p -> p.label().equals(i.sourcePart())).map(ValuePart::amount).findFirst().orElse(null));
      case COFUNDING_LEVERAGE -> IndicatorFormulas.leverage(nonPiaCommitted(i.grant(), year.lastDay()), funding.piaReceivedBy(i.grant(), year.lastDay()));
    };
  }

  /** Non-PIA resources committed (cash and in kind) by a day: lines decided by then, or undated. */
  private BigDecimal nonPiaCommitted(Grant grant, LocalDate by) {
    BigDecimal sum = em.createQuery(
            "SELECT SUM(c.committedAmount) FROM Cofunding c WHERE c.grant = :grant AND c.kind <> fr.jalon.grant.FunderKind.PIA"
                + " AND (c.decisionDate IS NULL OR c.decisionDate <= :by)", BigDecimal.class)
        .setParameter("grant", grant)
        .setParameter("by", by)
        .getSingleResult();
    return sum == null ? BigDecimal.ZERO.setScale(2) : sum;
  }
}
