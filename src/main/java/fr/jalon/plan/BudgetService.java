package fr.jalon.plan;

import static fr.jalon.platform.Roles.ADMIN;
import static fr.jalon.platform.Roles.BOARD;
import static fr.jalon.platform.Roles.FINANCE;
import static fr.jalon.platform.Roles.PROJECT_MANAGER;

import fr.jalon.grant.Cofunding;
import fr.jalon.grant.CofundingService;
import fr.jalon.grant.CopilDecision;
import fr.jalon.grant.Grant;
import fr.jalon.grant.GrantService;
import fr.jalon.plan.PlanRecords.Approval;
import fr.jalon.plan.PlanRecords.ApprovalReview;
import fr.jalon.plan.PlanRecords.CategoryRow;
import fr.jalon.plan.PlanRecords.CellChange;
import fr.jalon.plan.PlanRecords.CompareRow;
import fr.jalon.plan.PlanRecords.Comparison;
import fr.jalon.plan.PlanRecords.DecisionRow;
import fr.jalon.plan.PlanRecords.Grid;
import fr.jalon.plan.PlanRecords.RowKey;
import fr.jalon.plan.PlanRecords.Source;
import fr.jalon.plan.PlanRecords.VersionRow;
import fr.jalon.platform.ConcurrentEditException;
import fr.jalon.platform.Messages;
import fr.jalon.platform.NotFoundException;
import fr.jalon.platform.RuleViolation;
import fr.jalon.security.CallerRoles;
import fr.jalon.security.SystemCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.SecurityContext;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The budget annex: versions, the grid of a version, cell edits on a draft (project manager and
 * finance), revisions copied from the version in force, approval under rule 12 (administrator),
 * and the comparison of two versions.
 */
@ApplicationScoped
public class BudgetService {
  @PersistenceContext EntityManager em;
  @Inject GrantService grants;
  @Inject CofundingService cofunding;
  @Inject CategoryService categoryService;
  @Inject PlanRepository repository;
  @Inject SecurityContext securityContext;
  @Inject Clock clock;

  @RolesAllowed({ADMIN, PROJECT_MANAGER, FINANCE, BOARD})
  public List<VersionRow> versions() {
    return repository.versions(grants.grant().id());
  }

  /** The version a reader opens first: the draft if there is one, else the one in force, else the newest. */
  @RolesAllowed({ADMIN, PROJECT_MANAGER, FINANCE, BOARD})
  public Optional<VersionRow> defaultVersion() {
    List<VersionRow> all = versions();
    return all.stream().filter(v -> v.status() == BudgetStatus.DRAFT).findFirst()
        .or(() -> all.stream().filter(v -> v.status() == BudgetStatus.APPROVED).findFirst())
        .or(() -> all.stream().findFirst());
  }

  @RolesAllowed({ADMIN, PROJECT_MANAGER, FINANCE, BOARD})
  public VersionRow version(long id) {
    return repository.version(id).orElseThrow(() -> new NotFoundException(Messages.get("budget.version.notFound", id)));
  }

  /** The grid of a version, editable only for a draft and a caller who edits budgets. */
  @RolesAllowed({ADMIN, PROJECT_MANAGER, FINANCE, BOARD})
  public Grid grid(long versionId) {
    VersionRow v = version(versionId);
    Grant grant = grants.grant();
    boolean editable = v.status() == BudgetStatus.DRAFT && mayEdit();
    return GridBuilder.build(v, grant.years(), repository.actions(grant.id(), false), categoryService.list(), sources(), repository.cells(versionId), editable);
  }

  /** The funding sources a line may be charged to: the funding plan's lines. */
  @RolesAllowed({ADMIN, PROJECT_MANAGER, FINANCE, BOARD})
  public List<Source> sources() {
    return cofunding.lines().stream().map(c -> new Source(c.id(), c.label() + (c.kind() == null ? "" : " (" + c.kind().name() + ")"), c.kind().name())).toList();
  }

  public boolean mayEdit() {
    return SystemCaller.active() || CallerRoles.has(securityContext, PROJECT_MANAGER) || CallerRoles.has(securityContext, FINANCE);
  }

  /** Writes cells of a draft (missing lines are created); all or nothing. */
  @RolesAllowed({PROJECT_MANAGER, FINANCE})
  @Transactional
  public int putCells(long versionId, @NotNull List<CellChange> changes) {
    BudgetVersion version = draft(versionId);
    List<RuleViolation> refused = new ArrayList<>();
    int n = 0;
    for (CellChange c : changes) {
      try {
        put(version, c);
        n++;
      } catch (RuleViolation v) {
        refused.add(v);
      }
    }
    RuleViolation.throwIfAny(refused);
    em.flush();
    recomputeOverheads(version, changes.stream().map(c -> new OverheadKey(c.actionId(), c.sourceId(), c.year())).collect(java.util.stream.Collectors.toSet()));
    return n;
  }

  /** An action × funding source × year whose flat-rate overheads follow its direct eligible costs. */
  private record OverheadKey(Long actionId, Long sourceId, Integer year) {}

  /**
   * Recomputes the FG lines (flat-rate overheads) of a draft: for each action × source × year, the
   * rate in force on the 1st of January of that year (rule 13) times the eligible direct costs. All
   * of them when {@code only} is null; without a rate, FG lines are removed.
   */
  private void recomputeOverheads(BudgetVersion version, java.util.Set<OverheadKey> only) {
    Optional<CostCategory> fg = em.createQuery("SELECT c FROM CostCategory c WHERE c.grant = :grant AND c.flatRate = true", CostCategory.class)
        .setParameter("grant", version.grant()).getResultStream().findFirst();
    if (fg.isEmpty()) {
      return;
    }
    java.util.Map<OverheadKey, BigDecimal> direct = new java.util.HashMap<>();
    for (Object[] r : em.createQuery("SELECT l.action.id, l.cofunding.id, l.year, SUM(l.amount) FROM BudgetLine l WHERE l.budgetVersion = :v"
            + " AND l.category.eligible = true AND l.category.flatRate = false GROUP BY l.action.id, l.cofunding.id, l.year", Object[].class)
        .setParameter("v", version).getResultList()) {
      direct.put(new OverheadKey((Long) r[0], (Long) r[1], ((Number) r[2]).intValue()), (BigDecimal) r[3]);
    }
    java.util.Map<OverheadKey, BudgetLine> existing = new java.util.HashMap<>();
    for (BudgetLine l : em.createQuery("SELECT l FROM BudgetLine l WHERE l.budgetVersion = :v AND l.category = :fg", BudgetLine.class)
        .setParameter("v", version).setParameter("fg", fg.get()).getResultList()) {
      existing.put(new OverheadKey(l.action().id(), l.cofunding().id(), l.year()), l);
    }
    java.util.Set<OverheadKey> keys = new java.util.HashSet<>(only == null ? direct.keySet() : only);
    keys.addAll(only == null ? existing.keySet() : java.util.Set.of());
    for (OverheadKey k : keys) {
      BigDecimal rate = version.grant().parametersOn(LocalDate.of(k.year(), 1, 1)).values().flatRateOverheads();
      BigDecimal amount = FlatRateOverheads.of(direct.get(k), rate);
      BudgetLine line = existing.get(k);
      if (amount.signum() == 0) {
        if (line != null) {
          em.remove(line);
        }
      } else if (line == null) {
        em.persist(new BudgetLine(version, action(k.actionId()), fg.get(), source(k.sourceId()), k.year(), amount));
      } else if (line.amount().compareTo(amount) != 0) {
        line.plan(amount);
      }
    }
    em.flush();
  }

  private void put(BudgetVersion version, CellChange c) {
    if (c.actionId() == null || c.categoryId() == null || c.sourceId() == null || c.year() == null) {
      throw new RuleViolation("cell", "budget.cell.incomplete");
    }
    CostCategory category = category(c.categoryId());
    if (category.flatRate()) {
      throw new RuleViolation("categoryId", "budget.flatRate.computed", category.code());
    }
    BigDecimal amount = BudgetLine.checked(c.amount());
    Optional<BudgetLine> existing = repository.line(version.id(), c.actionId(), c.categoryId(), c.sourceId(), c.year());
    if (existing.isPresent()) {
      if (existing.get().amount().compareTo(amount) != 0) {
        existing.get().plan(amount);
      }
    } else {
      em.persist(new BudgetLine(version, action(c.actionId()), category, source(c.sourceId()), c.year(), amount));
    }
  }

  /** Adds a row at zero for every year of the grant; an existing row is left as it is. */
  @RolesAllowed({PROJECT_MANAGER, FINANCE})
  @Transactional
  public void addRow(long versionId, @NotNull RowKey key) {
    BudgetVersion version = draft(versionId);
    if (key.actionId() == null) {
      throw new RuleViolation("actionId", "field.required");
    }
    if (key.categoryId() == null) {
      throw new RuleViolation("categoryId", "field.required");
    }
    if (key.sourceId() == null) {
      throw new RuleViolation("sourceId", "field.required");
    }
    Action action = action(key.actionId());
    if (action.closed()) {
      throw new RuleViolation("actionId", "budget.action.closed", action.code());
    }
    CostCategory category = category(key.categoryId());
    if (category.flatRate()) {
      throw new RuleViolation("categoryId", "budget.flatRate.computed", category.code());
    }
    Cofunding source = source(key.sourceId());
    if (!repository.rowLines(versionId, key.actionId(), key.categoryId(), key.sourceId()).isEmpty()) {
      throw new RuleViolation("actionId", "budget.row.exists", action.code(), category.code());
    }
    for (int year : version.grant().years()) {
      em.persist(new BudgetLine(version, action, category, source, year, BigDecimal.ZERO));
    }
    em.flush();
  }

  @RolesAllowed({PROJECT_MANAGER, FINANCE})
  @Transactional
  public void removeRow(long versionId, @NotNull RowKey key) {
    BudgetVersion version = draft(versionId);
    if (key.categoryId() != null && category(key.categoryId()).flatRate()) {
      throw new RuleViolation("categoryId", "budget.flatRate.computed", category(key.categoryId()).code());
    }
    repository.rowLines(versionId, key.actionId(), key.categoryId(), key.sourceId()).forEach(em::remove);
    em.flush();
    recomputeOverheads(version, version.grant().years().stream().map(y -> new OverheadKey(key.actionId(), key.sourceId(), y)).collect(java.util.stream.Collectors.toSet()));
  }

  /** A new draft, a copy of the version in force; only one draft at a time. */
  @RolesAllowed({ADMIN, PROJECT_MANAGER, FINANCE})
  @Transactional
  public VersionRow createRevision(String label) {
    Grant grant = grants.grant();
    Optional<BudgetVersion> existing = repository.draft(grant.id());
    if (existing.isPresent()) {
      throw new RuleViolation("label", "budget.draft.exists", existing.get().number());
    }
    BudgetVersion base = repository.inForce(grant.id()).orElse(null);
    int number = repository.nextNumber(grant.id());
    String l = label == null || label.isBlank() ? Messages.get("budget.revision.defaultLabel", number) : label;
    BudgetVersion draft = new BudgetVersion(grant, number, l, base, LocalDateTime.now(clock), who());
    em.persist(draft);
    em.flush();
    if (base != null) {
      repository.copyLines(base.id(), draft.id());
      recomputeOverheads(draft, null);
    }
    return version(draft.id());
  }

  /** Rule 12 for a version against the baseline: what the approval page shows. */
  @RolesAllowed({ADMIN, PROJECT_MANAGER, FINANCE, BOARD})
  public ApprovalReview review(long versionId) {
    VersionRow v = version(versionId);
    Grant grant = grants.grant();
    BigDecimal threshold = grant.parametersInForce().values().fungibilityThreshold();
    Optional<Long> baselineId = repository.baselineVersionId(grant.id()).filter(id -> id != versionId);
    Fungibility.Result result = baselineId
        .map(b -> Fungibility.compare(repository.categoryTotals(b), repository.categoryTotals(versionId), repository.actionTotals(b), repository.actionTotals(versionId), threshold))
        .orElseGet(() -> Fungibility.firstApproval(repository.categoryTotals(versionId), repository.actionTotals(versionId), threshold));
    return new ApprovalReview(v, baselineId.map(this::version).orElse(null), result, repository.eligibleTotal(versionId), repository.decisions(grant.id()));
  }

  /**
   * Approves a draft. Above the fungibility threshold, or with money moving between actions, a
   * COPIL decision is required (rule 12). The version in force becomes superseded, and the grant's
   * planned eligible cost (rule 8) follows the approved budget.
   */
  @RolesAllowed(ADMIN)
  @Transactional
  public VersionRow approve(long versionId, Approval approval) {
    BudgetVersion version = draft(versionId);
    if (approval != null && approval.version() != null && approval.version() != version.version()) {
      throw new ConcurrentEditException("v" + version.number());
    }
    // The overheads follow the rate in force: recomputed before the figures are reviewed.
    recomputeOverheads(version, null);
    ApprovalReview review = review(versionId);
    CopilDecision decision = null;
    if (approval != null && approval.decisionId() != null) {
      decision = em.find(CopilDecision.class, approval.decisionId());
      if (decision == null || !decision.meeting().grant().id().equals(version.grant().id())) {
        throw new RuleViolation("decisionId", "budget.decision.unknown");
      }
    }
    if (review.needsDecision() && decision == null) {
      Fungibility.Result f = review.fungibility();
      String why = reasons(f);
      throw new RuleViolation("decisionId", "budget.approve.decisionRequired", why);
    }
    BigDecimal eligible = review.eligibleTotal();
    if (eligible.signum() <= 0) {
      throw new RuleViolation("status", "budget.approve.empty");
    }
    repository.inForce(version.grant().id()).ifPresent(BudgetVersion::supersede);
    em.flush();
    version.approve(LocalDate.now(clock), who(), decision);
    version.grant().adoptApprovedBudget(eligible);
    em.flush();
    return version(versionId);
  }

  static String reasons(Fungibility.Result f) {
    List<String> parts = new ArrayList<>();
    for (Fungibility.CategoryMove m : f.categories()) {
      if (m.aboveThreshold()) {
        parts.add(Messages.get("budget.reason.category", m.code(), new Messages.Rate(m.sharePercent()), new Messages.Rate(f.threshold())));
      }
    }
    if (f.moneyMovesBetweenActions()) {
      parts.add(Messages.get("budget.reason.actions", String.join(", ", f.actionsMoved())));
    }
    return String.join(" ; ", parts);
  }

  /** Two versions side by side: per action × category, left, right and the difference. */
  @RolesAllowed({ADMIN, PROJECT_MANAGER, FINANCE, BOARD})
  public Comparison compare(long leftId, long rightId) {
    VersionRow left = version(leftId);
    VersionRow right = version(rightId);
    Map<String, CompareRow> rows = new LinkedHashMap<>();
    for (Object[] r : repository.actionCategoryTotals(leftId)) {
      rows.put(r[0] + "|" + r[2], new CompareRow((String) r[0], (String) r[1], (String) r[2], (BigDecimal) r[3], BigDecimal.ZERO.setScale(2)));
    }
    for (Object[] r : repository.actionCategoryTotals(rightId)) {
      String k = r[0] + "|" + r[2];
      CompareRow before = rows.get(k);
      rows.put(k, new CompareRow((String) r[0], (String) r[1], (String) r[2], before == null ? BigDecimal.ZERO.setScale(2) : before.left(), (BigDecimal) r[3]));
    }
    List<CompareRow> sorted = new ArrayList<>(rows.values());
    sorted.sort(java.util.Comparator.comparing(CompareRow::actionCode));
    return new Comparison(left, right, sorted, repository.total(leftId), repository.total(rightId));
  }

  @RolesAllowed({ADMIN, PROJECT_MANAGER, FINANCE, BOARD})
  public List<DecisionRow> decisions() {
    return repository.decisions(grants.grant().id());
  }

  @RolesAllowed({ADMIN, PROJECT_MANAGER, FINANCE, BOARD})
  public List<CategoryRow> typedCategories() {
    return categoryService.list().stream().filter(c -> !c.flatRate()).toList();
  }

  private BudgetVersion draft(long versionId) {
    BudgetVersion v = em.find(BudgetVersion.class, versionId);
    if (v == null) {
      throw new NotFoundException(Messages.get("budget.version.notFound", versionId));
    }
    v.ensureDraft();
    return v;
  }

  private Action action(long id) {
    Action a = em.find(Action.class, id);
    if (a == null) {
      throw new RuleViolation("actionId", "action.notFound", id);
    }
    return a;
  }

  private CostCategory category(long id) {
    CostCategory c = em.find(CostCategory.class, id);
    if (c == null) {
      throw new RuleViolation("categoryId", "category.notFound", id);
    }
    return c;
  }

  private Cofunding source(long id) {
    Cofunding c = em.find(Cofunding.class, id);
    if (c == null) {
      throw new RuleViolation("sourceId", "budget.source.unknown", id);
    }
    return c;
  }

  private String who() {
    if (SystemCaller.active()) {
      return "système";
    }
    var p = securityContext.getCallerPrincipal();
    return p == null ? "système" : p.getName();
  }
}
