package fr.jalon.grant;

import static fr.jalon.platform.Roles.ADMIN;
import static fr.jalon.platform.Roles.BOARD;
import static fr.jalon.platform.Roles.FINANCE;
import static fr.jalon.platform.Roles.PROJECT_MANAGER;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.List;

/** Use cases on the funding plan: finance edits it, every role reads it. */
@ApplicationScoped
public class CofundingService {
  @PersistenceContext EntityManager em;
  @Inject GrantService grants;

  /** The funding plan's lines, PIA first: also the funding sources a budget line is charged to. */
  @RolesAllowed({ADMIN, PROJECT_MANAGER, FINANCE, BOARD})
  public List<Cofunding> lines() {
    return em.createQuery("SELECT c FROM Cofunding c JOIN FETCH c.funder WHERE c.grant = :grant ORDER BY c.sortOrder, c.id", Cofunding.class)
        .setParameter("grant", grants.grant())
        .getResultList();
  }

  @RolesAllowed({ADMIN, FINANCE})
  @Transactional
  public Cofunding add(@NotNull Organisation funder, @NotNull FunderKind kind, FundingNature nature, @NotNull BigDecimal committed) {
    Grant grant = grants.grant();
    Organisation managed = funder.id() == null ? persist(funder) : em.find(Organisation.class, funder.id());
    Cofunding line = new Cofunding(grant, managed, kind, nature, committed);
    line.placeAt(lines().size());
    em.persist(line);
    return line;
  }

  private Organisation persist(Organisation organisation) {
    em.persist(organisation);
    return organisation;
  }
}
