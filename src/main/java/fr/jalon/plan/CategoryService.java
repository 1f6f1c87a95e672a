package fr.jalon.plan;

import static fr.jalon.platform.Roles.ADMIN;
import static fr.jalon.platform.Roles.BOARD;
import static fr.jalon.platform.Roles.FINANCE;
import static fr.jalon.platform.Roles.PROJECT_MANAGER;

import fr.jalon.grant.Grant;
import fr.jalon.grant.GrantService;
import fr.jalon.plan.PlanRecords.CategoryForm;
import fr.jalon.plan.PlanRecords.CategoryRow;
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
import java.util.List;

/** Cost categories: the administrator edits them; the defaults appear with the first list. */
@ApplicationScoped
public class CategoryService {
  @PersistenceContext EntityManager em;
  @Inject GrantService grants;
  @Inject PlanRepository repository;

  /** The grant's categories; the first call on a grant without any records the defaults. */
  @RolesAllowed({ADMIN, PROJECT_MANAGER, FINANCE, BOARD})
  @Transactional
  public List<CategoryRow> list() {
    Grant grant = grants.grant();
    List<CategoryRow> rows = repository.categories(grant.id());
    if (!rows.isEmpty()) {
      return rows;
    }
    CostCategory.defaults(grant).forEach(em::persist);
    em.flush();
    return repository.categories(grant.id());
  }

  @RolesAllowed(ADMIN)
  @Transactional
  public CategoryRow create(@NotNull CategoryForm form) {
    Grant grant = grants.grant();
    checkCodeFree(grant, form.code(), null);
    CostCategory c = new CostCategory(grant, form.code(), form.label(), form.eligible() == null || form.eligible(), false, form.accountPrefixes(), list().size() + 1);
    em.persist(c);
    em.flush();
    return row(c.id());
  }

  @RolesAllowed(ADMIN)
  @Transactional
  public CategoryRow update(long id, @NotNull CategoryForm form) {
    CostCategory c = em.find(CostCategory.class, id);
    if (c == null) {
      throw new NotFoundException(Messages.get("category.notFound", id));
    }
    if (form.version() != null && form.version() != c.version()) {
      throw new ConcurrentEditException(c.code());
    }
    checkCodeFree(c.grant(), form.code(), id);
    c.edit(form.code(), form.label(), form.eligible() == null ? c.eligible() : form.eligible(), form.accountPrefixes());
    em.flush();
    return row(id);
  }

  private CategoryRow row(long id) {
    return repository.categories(grants.grant().id()).stream().filter(r -> r.id() == id).findFirst().orElseThrow();
  }

  private void checkCodeFree(Grant grant, String code, Long exceptId) {
    if (code == null || code.isBlank()) {
      return;
    }
    boolean taken = repository.categories(grant.id()).stream().anyMatch(r -> r.code().equalsIgnoreCase(code.trim()) && !r.id().equals(exceptId));
    if (taken) {
      throw new RuleViolation("code", "category.code.taken", code.trim());
    }
  }
}
