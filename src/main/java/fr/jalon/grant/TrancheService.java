package fr.jalon.grant;

import static fr.jalon.platform.Roles.ADMIN;
import static fr.jalon.platform.Roles.BOARD;
import static fr.jalon.platform.Roles.FINANCE;
import static fr.jalon.platform.Roles.PROJECT_MANAGER;

import fr.jalon.platform.ConcurrentEditException;
import fr.jalon.platform.Messages;
import fr.jalon.platform.NotFoundException;
import fr.jalon.platform.RuleViolation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Use cases on the PIA tranches: the administrator schedules them (rule 9's caps), finance requests
 * them when their conditions hold (rule 10, evaluated live) and records what the operator paid.
 * Milestone and report conditions are answered by {@link ConditionEvaluator} beans of the
 * capabilities that own them, the paid eligible cost by a {@link PaidEligibleCost} bean.
 */
@ApplicationScoped
public class TrancheService {
  /** The report types a balance waits for (rule 9): the final progress report and the final ERD. */
  public static final List<String> FINAL_REPORTS = List.of("FINAL_PROGRESS", "FINAL_ERD");

  @PersistenceContext EntityManager em;
  @Inject GrantService grants;
  @Inject FundingRepository repository;
  @Inject Clock clock;
  @Inject @Any Instance<ConditionEvaluator> evaluators;
  @Inject @Any Instance<PaidEligibleCost> paidEligibleCost;
  @Inject @Any Instance<AcceptedEligibleCost> acceptedEligibleCost;

  public record NewTranche(
      @NotNull Integer number,
      @NotNull TrancheKind kind,
      @NotNull BigDecimal plannedAmount,
      @NotNull LocalDate plannedDate,
      BigDecimal minSpendRatio,
      List<Tranche.ConditionSpec> conditions) {}

  public record TrancheChange(
      @NotNull Integer version,
      @NotNull TrancheKind kind,
      @NotNull BigDecimal plannedAmount,
      @NotNull LocalDate plannedDate,
      BigDecimal minSpendRatio,
      List<Tranche.ConditionSpec> conditions) {}

  public record TrancheRequest(@NotNull BigDecimal amount, @NotNull LocalDate requestedOn) {}

  public record TrancheReceipt(@NotNull BigDecimal amount, @NotNull LocalDate receivedOn, @Size(max = 120) String reference) {}

  public record StatusChange(@NotBlank @Size(max = 500) String reason) {}

  /** The schedule with the caps, the spend ratio, the balance, and each tranche's conditions now. */
  @RolesAllowed({ADMIN, PROJECT_MANAGER, FINANCE, BOARD})
  public TrancheOverview overview(Locale locale) {
    Grant grant = grants.grant();
    List<Tranche> tranches = repository.tranches(grant);
    TrancheRules.Spend spend = spend(grant);
    List<TrancheRow> rows = new ArrayList<>();
    for (Tranche t : tranches) {
      rows.add(row(t, previous(tranches, t), spend, locale));
    }
    ParameterValues p = grant.parametersOn(LocalDate.now(clock)).values();
    List<TrancheRules.Counted> counted = tranches.stream().map(t -> new TrancheRules.Counted(t.kind(), t.countedAmount())).toList();
    BigDecimal advance = TrancheRules.sum(counted, TrancheKind.ADVANCE);
    BigDecimal upToInterims = advance.add(TrancheRules.sum(counted, TrancheKind.INTERIM));
    BigDecimal advanceCeiling = FundingRules.advanceCeiling(grant.maxPiaAmount(), p.advanceCap());
    BigDecimal interimCeiling = FundingRules.interimCeiling(grant.maxPiaAmount(), grant.months(), p);
    BigDecimal aidRate = FundingRules.aidRate(grant.maxPiaAmount(), grant.eligibleBudget(), p.maxPiaRate());
    DueBase base = dueBase(grant);
    BigDecimal due = FundingRules.piaDue(aidRate, base.amount(), grant.maxPiaAmount());
    BigDecimal received = repository.piaReceived(grant);
    BigDecimal requested = tranches.stream().filter(t -> t.status() == TrancheStatus.REQUESTED).map(Tranche::requestedAmount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    return new TrancheOverview(grant.maxPiaAmount(), grant.months(), p.advanceCap(), advanceCeiling, advance, advance.compareTo(advanceCeiling) <= 0,
        TrancheRules.interimCapRate(grant.months(), p), interimCeiling, upToInterims, upToInterims.compareTo(interimCeiling) <= 0,
        grant.eligibleBudget(), spend.paidEligibleCost(), spend.tracked(), spend.ratio(), aidRate.setScale(2, java.math.RoundingMode.HALF_UP), base.amount(),
        base.accepted(), due, requested,
        received, FundingRules.balance(due, received), rows);
  }

  @RolesAllowed({ADMIN, PROJECT_MANAGER, FINANCE, BOARD})
  public TrancheRow tranche(long id, Locale locale) {
    Tranche t = find(id);
    return row(t, previous(repository.tranches(t.grant()), t), spend(t.grant()), locale);
  }

  /** Adds a tranche to the schedule; a balance waits for the final reports. */
  @RolesAllowed(ADMIN)
  @Transactional
  public TrancheRow schedule(@NotNull @Valid NewTranche request, Locale locale) {
    Grant grant = grants.grant();
    List<Tranche> existing = repository.tranches(grant);
    if (existing.stream().anyMatch(t -> t.number() == request.number())) {
      throw new RuleViolation("number", "tranche.number.taken", request.number());
    }
    Tranche tranche = new Tranche(grant, request.number(), request.kind(), request.plannedAmount(), request.plannedDate(), request.minSpendRatio());
    List<Tranche> all = new ArrayList<>(existing);
    all.add(tranche);
    checkSchedule(grant, all, tranche);
    setConditions(tranche, request.conditions());
    em.persist(tranche);
    em.flush();
    return tranche(tranche.id(), locale);
  }

  /** Changes a tranche that is still planned. */
  @RolesAllowed(ADMIN)
  @Transactional
  public TrancheRow reschedule(long id, @NotNull @Valid TrancheChange change, Locale locale) {
    Tranche tranche = find(id);
    if (change.version() != tranche.version()) {
      throw new ConcurrentEditException("T" + tranche.number());
    }
    tranche.reschedule(change.kind(), change.plannedAmount(), change.plannedDate(), change.minSpendRatio());
    checkSchedule(tranche.grant(), repository.tranches(tranche.grant()), tranche);
    setConditions(tranche, change.conditions());
    em.flush();
    return tranche(id, locale);
  }

  /**
   * Finance asks for the tranche: refused unless every condition holds now (the refusal names the
   * failing ones) and the caps of rule 9 still hold with the amount asked.
   */
  @RolesAllowed(FINANCE)
  @Transactional
  public TrancheRow request(long id, @NotNull @Valid TrancheRequest request, Locale locale) {
    Tranche tranche = find(id);
    Grant grant = tranche.grant();
    if (tranche.status() != TrancheStatus.PLANNED) {
      throw new RuleViolation("status", "tranche.request.notPlanned", tranche.number());
    }
    if (request.requestedOn().isAfter(LocalDate.now(clock))) {
      throw new RuleViolation("requestedOn", "tranche.date.future");
    }
    List<Tranche> all = repository.tranches(grant);
    List<ConditionCheck> failing = checks(tranche, previous(all, tranche), spend(grant)).stream().filter(c -> !c.met()).toList();
    if (!failing.isEmpty()) {
      String why = failing.stream().map(c -> c.text(Locale.FRENCH)).collect(Collectors.joining(" ; "));
      throw new RuleViolation("conditions", "tranche.request.refused", tranche.number(), why);
    }
    if (tranche.kind() == TrancheKind.BALANCE) {
      // Rule 13: a request is checked with the parameters in force on its date.
      ParameterValues p = grant.parametersOn(request.requestedOn()).values();
      BigDecimal aidRate = FundingRules.aidRate(grant.maxPiaAmount(), grant.eligibleBudget(), p.maxPiaRate());
      BigDecimal balance = FundingRules.balance(FundingRules.piaDue(aidRate, dueBase(grant).amount(), grant.maxPiaAmount()), repository.piaReceived(grant));
      if (balance.signum() <= 0) {
        throw new RuleViolation("amount", "tranche.balance.repay", new Messages.Amount(balance.negate()));
      }
      if (request.amount().compareTo(balance) > 0) {
        throw new RuleViolation("amount", "tranche.balance.above", new Messages.Amount(balance));
      }
    } else {
      List<TrancheRules.Counted> counted = all.stream()
          .map(t -> new TrancheRules.Counted(t.kind(), t.id().equals(tranche.id()) ? request.amount() : t.countedAmount()))
          .toList();
      RuleViolation.throwIfAny(TrancheRules.caps(counted, grant.maxPiaAmount(), grant.months(), grant.parametersOn(request.requestedOn()).values(), "amount"));
    }
    tranche.request(request.amount(), request.requestedOn());
    em.flush();
    return tranche(id, locale);
  }

  /** Records what the operator paid on a requested tranche: this is the PIA money received (rule 10). */
  @RolesAllowed(FINANCE)
  @Transactional
  public TrancheRow recordReceipt(long id, @NotNull @Valid TrancheReceipt receipt, Locale locale) {
    Tranche tranche = find(id);
    if (receipt.receivedOn().isAfter(LocalDate.now(clock))) {
      throw new RuleViolation("receivedOn", "tranche.date.future");
    }
    tranche.recordReceipt(receipt.amount(), receipt.receivedOn(), receipt.reference());
    em.flush();
    return tranche(id, locale);
  }

  @RolesAllowed(ADMIN)
  @Transactional
  public TrancheRow suspend(long id, @NotNull @Valid StatusChange change, Locale locale) {
    find(id).suspend(change.reason());
    em.flush();
    return tranche(id, locale);
  }

  @RolesAllowed(ADMIN)
  @Transactional
  public TrancheRow resume(long id, Locale locale) {
    find(id).resume();
    em.flush();
    return tranche(id, locale);
  }

  @RolesAllowed(ADMIN)
  @Transactional
  public TrancheRow cancel(long id, @NotNull @Valid StatusChange change, Locale locale) {
    find(id).cancel(change.reason());
    em.flush();
    return tranche(id, locale);
  }

  /**
   * Rule 11's hook: a NO_GO decision suspends the planned tranches after {@code number} (the one the
   * milestone releases and later), with the decision as reason. Returns how many were suspended.
   */
  @RolesAllowed({ADMIN, PROJECT_MANAGER})
  @Transactional
  public int suspendAfter(int number, @NotBlank String reason) {
    int count = 0;
    for (Tranche t : repository.tranches(grants.grant())) {
      if (t.number() > number && t.status() == TrancheStatus.PLANNED) {
        t.suspend(reason);
        count++;
      }
    }
    return count;
  }

  /** Rule 13: the day of the first tranche request, empty while none was requested. */
  @RolesAllowed({ADMIN, PROJECT_MANAGER, FINANCE, BOARD})
  public Optional<LocalDate> firstRequestedOn() {
    return grants.currentIfAny().isEmpty() ? Optional.empty() : repository.firstRequestedOn(grants.grant());
  }

  /** Rule 13: true once any tranche has been requested (the parameters then change only by amendment). */
  @RolesAllowed({ADMIN, PROJECT_MANAGER, FINANCE, BOARD})
  public boolean anyRequested() {
    return firstRequestedOn().isPresent();
  }

  /** Rule 10: the PIA money received, the sum of the received tranches. */
  @RolesAllowed({ADMIN, PROJECT_MANAGER, FINANCE, BOARD})
  public BigDecimal piaReceived() {
    return repository.piaReceived(grants.grant());
  }

  private void checkSchedule(Grant grant, List<Tranche> all, Tranche changed) {
    for (TrancheKind once : List.of(TrancheKind.ADVANCE, TrancheKind.BALANCE)) {
      if (changed.kind() == once && all.stream().anyMatch(t -> t != changed && t.kind() == once && t.status() != TrancheStatus.CANCELLED)) {
        throw new RuleViolation("kind", "tranche.kind.once", Messages.get("tranche.kind." + once.name()));
      }
    }
    List<TrancheRules.Counted> counted = all.stream().map(t -> new TrancheRules.Counted(t.kind(), t.countedAmount())).toList();
    RuleViolation.throwIfAny(TrancheRules.caps(counted, grant.maxPiaAmount(), grant.months(), grant.parametersOn(LocalDate.now(clock)).values(), "plannedAmount"));
  }

  private static void setConditions(Tranche tranche, List<Tranche.ConditionSpec> specs) {
    List<Tranche.ConditionSpec> wanted = new ArrayList<>(specs == null ? List.of() : specs);
    if (tranche.kind() == TrancheKind.BALANCE) {
      for (String report : FINAL_REPORTS) {
        if (wanted.stream().noneMatch(w -> w.kind() == ConditionKind.REPORT_ACCEPTED && report.equals(w.reportType()))) {
          wanted.add(new Tranche.ConditionSpec(ConditionKind.REPORT_ACCEPTED, null, report));
        }
      }
    }
    tranche.replaceConditions(wanted);
  }

  private TrancheRow row(Tranche t, Tranche previous, TrancheRules.Spend spend, Locale locale) {
    List<ConditionCheck> checks = checks(t, previous, spend);
    TrancheStatus live = TrancheRules.liveStatus(t, checks);
    List<Tranche.ConditionSpec> specs = t.conditions().stream().map(c -> new Tranche.ConditionSpec(c.kind(), c.milestoneId(), c.reportType())).toList();
    return new TrancheRow(t.id(), t.number(), t.kind(), t.plannedAmount(), t.plannedDate(), t.minSpendRatio(), live, t.status(), t.requestedAmount(),
        t.requestedOn(), t.receivedAmount(), t.receivedOn(), t.receiptReference(), t.statusReason(), live == TrancheStatus.CONDITIONS_MET,
        checks.stream().map(c -> new TrancheRow.Check(c.code(), c.met(), c.text(locale))).toList(), specs, t.version());
  }

  private List<ConditionCheck> checks(Tranche t, Tranche previous, TrancheRules.Spend spend) {
    return TrancheRules.evaluate(t, previous, spend, this::verdict);
  }

  private Optional<ConditionEvaluator.Verdict> verdict(TrancheCondition condition) {
    for (ConditionEvaluator evaluator : evaluators) {
      Optional<ConditionEvaluator.Verdict> v = evaluator.evaluate(condition.kind(), condition.milestoneId(), condition.reportType());
      if (v.isPresent()) {
        return v;
      }
    }
    return Optional.empty();
  }

  /**
   * Rules 8–9: the PIA due is computed on the accepted eligible cost once the final statement is
   * accepted, on the planned eligible cost before: mid-grant, the answers on a few yearly statements
   * would otherwise show a large false repayment.
   */
  private record DueBase(BigDecimal amount, boolean accepted) {}

  private DueBase dueBase(Grant grant) {
    boolean finalAccepted = false;
    for (ConditionEvaluator evaluator : evaluators == null ? List.<ConditionEvaluator>of() : evaluators) {
      finalAccepted |= evaluator.evaluate(ConditionKind.REPORT_ACCEPTED, null, "FINAL_ERD").map(ConditionEvaluator.Verdict::met).orElse(false);
    }
    if (finalAccepted && acceptedEligibleCost != null && acceptedEligibleCost.isResolvable()) {
      java.util.Optional<BigDecimal> accepted = acceptedEligibleCost.get().acceptedEligibleCost();
      if (accepted.isPresent()) {
        return new DueBase(accepted.get(), true);
      }
    }
    return new DueBase(grant.eligibleBudget(), false);
  }

  private TrancheRules.Spend spend(Grant grant) {
    if (paidEligibleCost.isResolvable()) {
      return new TrancheRules.Spend(paidEligibleCost.get().paidEligibleCost(), grant.eligibleBudget(), true);
    }
    return new TrancheRules.Spend(BigDecimal.ZERO.setScale(2), grant.eligibleBudget(), false);
  }

  /** The tranche just before {@code t} in number order, cancelled ones skipped; null for the first. */
  static Tranche previous(List<Tranche> ordered, Tranche t) {
    Tranche previous = null;
    for (Tranche other : ordered) {
      if (other.number() < t.number() && other.status() != TrancheStatus.CANCELLED) {
        previous = other;
      }
    }
    return previous;
  }

  private Tranche find(long id) {
    Tranche tranche = em.find(Tranche.class, id);
    if (tranche == null) {
      throw new NotFoundException(Messages.get("tranche.notFound", id));
    }
    return tranche;
  }
}
