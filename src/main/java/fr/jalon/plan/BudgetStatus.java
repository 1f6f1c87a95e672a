package fr.jalon.plan;

/** A budget version's life: a draft is edited, approved once, superseded by the next approval. */
public enum BudgetStatus {
  DRAFT,
  APPROVED,
  SUPERSEDED
}
