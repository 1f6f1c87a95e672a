package fr.jalon.bench.generator;

import fr.jalon.audit.AuditContext;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One audit entry for the whole generation, with the row count of every table, the way Jalon
 * records an import (rule 15): whoever opens the audit trail sees where the data came from.
 */
public final class GenerationAuditGenerator implements DataGenerator {

  @Override
  public String name() {
    return "audit";
  }

  @Override
  public void generate(Generation g) throws SQLException {
    GrantFacts grant = g.fact(GrantFacts.class);
    StringBuilder counts = new StringBuilder();
    for (Map.Entry<String, Long> table : DatasetFingerprint.rowCounts(g.connection()).entrySet()) {
      counts.append(table.getKey()).append(": ").append(table.getValue()).append('\n');
    }
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("OCCURRED_AT", grant.signatureDate().atTime(9, 0));
    entry.put("ACTOR", AuditContext.SYSTEM);
    entry.put("ACTION", "IMPORT");
    entry.put("ENTITY_TYPE", "Grant");
    entry.put("ENTITY_ID", grant.reference());
    entry.put("SUMMARY", String.format("Jeu de données de banc d'essai généré (graine %d, taille %d)", g.dataset().seed(), g.dataset().size()));
    entry.put("CHANGES", counts.toString().strip());
    g.insert("AUDIT_ENTRY", entry);
  }
}
