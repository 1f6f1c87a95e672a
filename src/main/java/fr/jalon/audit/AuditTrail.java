package fr.jalon.audit;

import fr.jalon.platform.Page;
import fr.jalon.platform.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

/** Writes explicit audit entries (bulk operations, imports, logins) and reads the trail. */
@ApplicationScoped
public class AuditTrail {
  @PersistenceContext EntityManager em;

  /** Records an entry in the caller's transaction, or in its own when there is none. */
  @PermitAll
  @Transactional
  public void record(String action, String entityType, String entityId, String summary, String changes) {
    em.persist(new AuditEntry(AuditContext.now(), AuditContext.actor(), action, entityType, entityId, summary, changes));
  }

  /** Records an entry that survives the caller's rollback: a refused login, a refused change. */
  @PermitAll
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void recordAlone(String actor, String action, String summary) {
    em.persist(new AuditEntry(AuditContext.now(), actor, action, null, null, summary, null));
  }

  /** Newest first, paged in the database; {@code filter} matches actor, record or summary. */
  @RolesAllowed({Roles.ADMIN, Roles.BOARD})
  public Page<AuditLine> page(int first, int size, String filter) {
    String where = filter == null || filter.isBlank() ? ""
        : " WHERE LOWER(a.actor) LIKE :f ESCAPE '\\' OR LOWER(a.entityType) LIKE :f ESCAPE '\\' OR LOWER(a.summary) LIKE :f ESCAPE '\\' OR LOWER(a.action) LIKE :f ESCAPE '\\'";
    TypedQuery<AuditLine> query = em.createQuery(
        "SELECT NEW fr.jalon.audit.AuditLine(a.id, a.at, a.actor, a.action, a.entityType, a.entityId, a.summary, a.changes) FROM AuditEntry a" + where + " ORDER BY a.at DESC, a.id DESC", AuditLine.class);
    TypedQuery<Long> count = em.createQuery("SELECT COUNT(a) FROM AuditEntry a" + where, Long.class);
    if (!where.isEmpty()) {
      // % and _ typed by the user are letters, not wildcards.
      String typed = filter.trim().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
      String pattern = "%" + typed + "%";
      query.setParameter("f", pattern);
      count.setParameter("f", pattern);
    }
    return new Page<>(query.setFirstResult(first).setMaxResults(size).getResultList(), count.getSingleResult(), first, size);
  }
}
