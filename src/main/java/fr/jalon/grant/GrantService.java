package fr.jalon.grant;

import static fr.jalon.platform.Roles.ADMIN;
import static fr.jalon.platform.Roles.BOARD;
import static fr.jalon.platform.Roles.FINANCE;
import static fr.jalon.platform.Roles.PROJECT_MANAGER;

import fr.jalon.platform.ConcurrentEditException;
import fr.jalon.platform.FileKind;
import fr.jalon.platform.FileStore;
import fr.jalon.platform.NotFoundException;
import fr.jalon.platform.RuleViolation;
import fr.jalon.platform.Messages;
import fr.jalon.platform.StoredFile;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.SecurityContext;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Use cases on the grant: everybody reads it, only the administrator changes it. */
@ApplicationScoped
public class GrantService {
  @PersistenceContext EntityManager em;
  @Inject FileStore files;
  @Inject GrantSheetReport sheetReport;
  @Inject SecurityContext securityContext;
  @Inject Clock clock;
  @Inject FundingRepository funding;

  @RolesAllowed({ADMIN, PROJECT_MANAGER, FINANCE, BOARD})
  public GrantSheet current() {
    return sheet(grant());
  }

  /** The grant, or empty before one is recorded (a fresh production database). */
  @RolesAllowed({ADMIN, PROJECT_MANAGER, FINANCE, BOARD})
  public Optional<GrantSheet> currentIfAny() {
    return find().map(this::sheet);
  }

  public boolean exists() {
    // A count: the page header and the start-up ask this, and need neither the grant nor its organisations.
    return em.createQuery("SELECT COUNT(g) FROM Grant g", Long.class).getSingleResult() > 0;
  }

  /** Changes the grant if nobody saved it since {@code change.version()}; all or nothing. */
  @RolesAllowed(ADMIN)
  @Transactional
  public GrantSheet revise(@NotNull GrantChange change) {
    Grant grant = grant();
    if (change.version() == null) {
      throw new RuleViolation("version", "field.required");
    }
    if (change.version() != grant.version()) {
      throw new ConcurrentEditException(grant.reference());
    }
    grant.revise(change, parametersFrozen(grant));
    // The parameters live in their own rows: bump the grant's version for any change to the form.
    em.lock(grant, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
    em.flush();
    return sheet(grant);
  }

  /** Records the grant a new installation follows; there is only ever one. */
  @RolesAllowed(ADMIN)
  @Transactional
  public GrantSheet create(NewGrant request) {
    if (request == null || request.grant() == null) {
      throw new RuleViolation("grant", "field.required");
    }
    if (request.beneficiary() == null) {
      throw new RuleViolation("beneficiary", "field.required");
    }
    return create(request.grant(), request.beneficiary().toOrganisation());
  }

  @RolesAllowed(ADMIN)
  @Transactional
  public GrantSheet create(@NotNull GrantChange terms, @NotNull Organisation beneficiary) {
    if (exists()) {
      throw new RuleViolation("reference", "grant.exists");
    }
    em.persist(beneficiary);
    Grant grant = new Grant(terms, beneficiary);
    em.persist(grant);
    em.flush();
    return sheet(grant);
  }

  /** Every organisation, by name: for the pickers of lead organisation, funder, supplier. */
  @RolesAllowed({ADMIN, PROJECT_MANAGER, FINANCE, BOARD})
  public java.util.List<Organisation> organisations() {
    return em.createQuery("SELECT o FROM Organisation o ORDER BY o.name", Organisation.class).getResultList();
  }

  @RolesAllowed(ADMIN)
  @Transactional
  public Organisation addOrganisation(@NotNull Organisation organisation) {
    em.persist(organisation);
    return organisation;
  }

  /** Keeps the signed agreement (a PDF) with the grant. */
  @RolesAllowed(ADMIN)
  @Transactional
  public GrantSheet attachSignedAgreement(@NotNull InputStream content, String fileName) {
    Grant grant = grant();
    StoredFile file = files.store(content, fileName, Set.of(FileKind.PDF), "signedAgreement", securityContext.getCallerPrincipal().getName());
    grant.attachSignedAgreement(file);
    em.lock(grant, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
    em.flush();
    return sheet(grant);
  }

  @RolesAllowed({ADMIN, PROJECT_MANAGER, FINANCE, BOARD})
  public StoredFile signedAgreement() {
    StoredFile file = grant().signedAgreement();
    if (file == null) {
      throw new NotFoundException(Messages.get("grant.signedAgreement.none"));
    }
    return file;
  }

  /** The one-page "fiche convention" PDF. */
  @RolesAllowed({ADMIN, PROJECT_MANAGER, FINANCE, BOARD})
  public void writeSheetPdf(OutputStream out, Locale locale) {
    sheetReport.write(current(), locale, out);
  }

  /**
   * The grant entity, for the capabilities that hang their records on it (actions, budget,
   * tranches); call it inside their own transaction.
   */
  @RolesAllowed({ADMIN, PROJECT_MANAGER, FINANCE, BOARD})
  public Grant grant() {
    return find().orElseThrow(() -> new NotFoundException(Messages.get("grant.none")));
  }

  /**
   * Rule 13: once a tranche has been requested, or an amendment has brought parameters, they
   * change only through an amendment.
   */
  boolean parametersFrozen(Grant grant) {
    if (grant.parameterHistory().size() > 1) {
      return true;
    }
    return funding.firstRequestedOn(grant).isPresent();
  }

  private GrantSheet sheet(Grant grant) {
    if (grant.id() == null) {
      return GrantSheet.of(grant, LocalDate.now(clock), false, Map.of());
    }
    Map<LocalDate, Integer> amendmentBySet = em.createQuery(
            "SELECT a FROM Amendment a WHERE a.grant = :grant AND a.parameters IS NOT NULL", Amendment.class)
        .setParameter("grant", grant)
        .getResultStream()
        .collect(Collectors.toMap(a -> a.parameters().effectiveFrom(), Amendment::number));
    return GrantSheet.of(grant, LocalDate.now(clock), parametersFrozen(grant), amendmentBySet);
  }

  private Optional<Grant> find() {
    return em.createQuery("SELECT g FROM Grant g ORDER BY g.id", Grant.class).setMaxResults(1).getResultStream().findFirst();
  }
}
