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
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** Use cases on the funding plan: finance (and the administrator) edits it, every role reads it. */
@ApplicationScoped
public class CofundingService {
  @PersistenceContext EntityManager em;
  @Inject GrantService grants;
  @Inject FundingRepository repository;
  @Inject Clock clock;

  /** A new line: an existing funder ({@code funderId}) or one created with it ({@code newFunder}). */
  public record NewLine(
      Long funderId,
      @Valid NewFunder newFunder,
      @NotNull FunderKind kind,
      FundingNature nature,
      @NotNull BigDecimal committed,
      @Size(max = 120) String decisionReference,
      LocalDate decisionDate,
      @Size(max = 1000) String expectedSchedule) {}

  public record NewFunder(String name, String siret, LegalForm legalForm, Boolean recoversVat) {
    Organisation toOrganisation() {
      try {
        return new Organisation(name, siret, legalForm, Boolean.TRUE.equals(recoversVat));
      } catch (RuleViolation v) {
        throw new RuleViolation("newFunder." + v.field(), v.messageKey());
      }
    }
  }

  /** A change to a line read at {@code version}: its commitment, nature, decision and expected schedule. */
  public record LineChange(
      @NotNull Integer version,
      @NotNull BigDecimal committed,
      FundingNature nature,
      @Size(max = 120) String decisionReference,
      LocalDate decisionDate,
      @Size(max = 1000) String expectedSchedule) {}

  public record NewReceipt(@NotNull LocalDate receivedOn, @NotNull BigDecimal amount, @Size(max = 120) String reference) {}

  /** The funding plan's lines, PIA first: also the funding sources a budget line is charged to. */
  @RolesAllowed({ADMIN, PROJECT_MANAGER, FINANCE, BOARD})
  public List<Cofunding> lines() {
    return repository.lines(grants.grant());
  }

  /** Every line with committed / received / still expected, the totals and rule 8's checks. */
  @RolesAllowed({ADMIN, PROJECT_MANAGER, FINANCE, BOARD})
  public CofundingSummary summary() {
    Grant grant = grants.grant();
    return CofundingSummary.of(repository.lineFigures(grant), grant.eligibleBudget(), grant.maxPiaAmount(), grant.parametersOn(LocalDate.now(clock)).values());
  }

  @RolesAllowed({ADMIN, PROJECT_MANAGER, FINANCE, BOARD})
  public CofundingLine line(long id) {
    Cofunding line = find(id);
    return CofundingLine.of(line, repository.receivedOn(line));
  }

  /** Rule 10: the PIA money received, the sum of the received tranches. */
  @RolesAllowed({ADMIN, PROJECT_MANAGER, FINANCE, BOARD})
  public BigDecimal piaReceived() {
    return repository.piaReceived(grants.grant());
  }

  @RolesAllowed({ADMIN, FINANCE})
  @Transactional
  public Cofunding add(@NotNull Organisation funder, @NotNull FunderKind kind, FundingNature nature, @NotNull BigDecimal committed) {
    Grant grant = grants.grant();
    Organisation managed = funder.id() == null ? persist(funder) : em.find(Organisation.class, funder.id());
    if (kind == FunderKind.PIA && lines().stream().anyMatch(l -> l.kind() == FunderKind.PIA)) {
      throw new RuleViolation("kind", "cofunding.pia.once");
    }
    Cofunding line = new Cofunding(grant, managed, kind, nature, committed);
    line.placeAt(lines().size());
    em.persist(line);
    return line;
  }

  /** Adds a line for an existing funder or a new one, with its decision and expected schedule. */
  @RolesAllowed({ADMIN, FINANCE})
  @Transactional
  public CofundingLine add(@NotNull @Valid NewLine request) {
    Organisation funder;
    if (request.funderId() != null) {
      funder = em.find(Organisation.class, request.funderId());
      if (funder == null) {
        throw new RuleViolation("funderId", "cofunding.funder.unknown");
      }
    } else if (request.newFunder() != null) {
      funder = request.newFunder().toOrganisation();
    } else {
      throw new RuleViolation("funderId", "cofunding.funder.required");
    }
    Cofunding line = add(funder, request.kind(), request.nature(), request.committed());
    line.recordDecision(request.decisionReference(), request.decisionDate());
    line.expectSchedule(request.expectedSchedule());
    em.flush();
    return CofundingLine.of(line, repository.receivedOn(line));
  }

  @RolesAllowed({ADMIN, FINANCE})
  @Transactional
  public CofundingLine change(long id, @NotNull @Valid LineChange change) {
    Cofunding line = find(id);
    if (change.version() != line.version()) {
      throw new ConcurrentEditException(line.label());
    }
    line.commit(change.committed());
    if (change.nature() != null) {
      line.changeNature(change.nature());
    }
    line.recordDecision(change.decisionReference(), change.decisionDate());
    line.expectSchedule(change.expectedSchedule());
    em.flush();
    return CofundingLine.of(line, repository.receivedOn(line));
  }

  @RolesAllowed({ADMIN, PROJECT_MANAGER, FINANCE, BOARD})
  public List<CofundingReceiptRow> receipts(long id) {
    return repository.receipts(find(id));
  }

  /** Records money received on a line; the PIA line refuses (its receipts are the tranches'). */
  @RolesAllowed({ADMIN, FINANCE})
  @Transactional
  public CofundingReceiptRow receive(long id, @NotNull @Valid NewReceipt receipt) {
    Cofunding line = find(id);
    if (receipt.receivedOn() != null && receipt.receivedOn().isAfter(LocalDate.now(clock))) {
      throw new RuleViolation("receivedOn", "cofunding.receipt.future");
    }
    CofundingReceipt saved = line.receive(receipt.receivedOn(), receipt.amount(), receipt.reference());
    em.persist(saved);
    em.flush();
    return new CofundingReceiptRow(saved.id(), line.id(), saved.receivedOn(), saved.amount(), saved.reference());
  }

  private Cofunding find(long id) {
    Cofunding line = em.find(Cofunding.class, id);
    if (line == null) {
      throw new NotFoundException(Messages.get("cofunding.notFound", id));
    }
    return line;
  }

  private Organisation persist(Organisation organisation) {
    em.persist(organisation);
    return organisation;
  }
}
