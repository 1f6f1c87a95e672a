package fr.jalon.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Queries on users. */
@ApplicationScoped
public class UserRepository {
  @PersistenceContext EntityManager em;

  public Optional<User> byUsername(String username) {
    if (username == null) {
      return Optional.empty();
    }
    return em.createQuery("SELECT u FROM User u WHERE u.username = :name", User.class)
        .setParameter("name", username.trim().toLowerCase(java.util.Locale.ROOT))
        .getResultStream()
        .findFirst();
  }

  public Optional<User> byId(long id) {
    return Optional.ofNullable(em.find(User.class, id));
  }

  public List<User> all() {
    return em.createQuery("SELECT u FROM User u ORDER BY u.active DESC, u.displayName", User.class).getResultList();
  }

  public long count() {
    return em.createQuery("SELECT COUNT(u) FROM User u", Long.class).getSingleResult();
  }

  public long activeAdmins() {
    return em.createQuery("SELECT COUNT(u) FROM User u JOIN u.roles r WHERE u.active = TRUE AND r = fr.jalon.security.Role.ADMIN", Long.class).getSingleResult();
  }

  /** Writes pending changes now, so a conflict is reported as such and not at commit. */
  public void flush() {
    em.flush();
  }

  /** Persists and flushes, so the new user has its id. */
  public void add(User user) {
    em.persist(user);
    em.flush();
  }
}
