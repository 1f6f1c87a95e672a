package fr.jalon.audit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.eclipse.persistence.descriptors.DescriptorEvent;
import org.eclipse.persistence.descriptors.DescriptorEventAdapter;
import org.eclipse.persistence.internal.sessions.AbstractSession;
import org.eclipse.persistence.mappings.DatabaseMapping;
import org.eclipse.persistence.queries.DataModifyQuery;
import org.eclipse.persistence.queries.SQLCall;
import org.eclipse.persistence.queries.WriteObjectQuery;
import org.eclipse.persistence.sessions.changesets.ObjectChangeSet;
import org.eclipse.persistence.sessions.changesets.ChangeRecord;
import org.eclipse.persistence.sessions.changesets.CollectionChangeRecord;
import org.eclipse.persistence.sessions.changesets.DirectCollectionChangeRecord;
import org.eclipse.persistence.sessions.changesets.DirectToFieldChangeRecord;
import org.eclipse.persistence.sessions.changesets.ObjectReferenceChangeRecord;

/**
 * Writes an audit entry for every insert, update and delete of an {@link Audited} entity, in the
 * same database transaction as the change, with "field: old → new" lines. Registered on every
 * descriptor by {@link AuditSessionCustomizer}, so a new entity gets auditing by implementing
 * {@link Audited}.
 */
public class AuditListener extends DescriptorEventAdapter {
  private static final String INSERT =
      "INSERT INTO AUDIT_ENTRY (OCCURRED_AT, ACTOR, ACTION, ENTITY_TYPE, ENTITY_ID, SUMMARY, CHANGES) VALUES (#AT, #ACTOR, #ACTION, #ENTITY_TYPE, #ENTITY_ID, #SUMMARY, #CHANGES)";

  @Override
  public void postInsert(DescriptorEvent event) {
    if (event.getSource() instanceof Audited audited) {
      List<String> lines = new ArrayList<>();
      for (DatabaseMapping mapping : event.getDescriptor().getMappings()) {
        String name = mapping.getAttributeName();
        if (skip(name, audited)) {
          continue;
        }
        Object value = mapping.getAttributeValueFromObject(audited);
        if (value != null && !(value instanceof Collection<?> c && c.isEmpty())) {
          lines.add(name + ": " + show(value));
        }
      }
      write(event, audited, "CREATE", lines);
    }
  }

  @Override
  public void postUpdate(DescriptorEvent event) {
    ObjectChangeSet changeSet = changeSetOf(event);
    if (event.getSource() instanceof Audited audited && changeSet != null) {
      List<String> lines = new ArrayList<>();
      for (ChangeRecord record : changeSet.getChanges()) {
        String name = record.getAttribute();
        if (skip(name, audited) || sameNumber(record)) {
          continue;
        }
        lines.add(name + ": " + describe(record, event));
      }
      if (!lines.isEmpty()) {
        write(event, audited, "UPDATE", lines);
      }
    }
  }

  private static ObjectChangeSet changeSetOf(DescriptorEvent event) {
    if (event.getChangeSet() != null) {
      return event.getChangeSet();
    }
    return event.getQuery() instanceof WriteObjectQuery write ? write.getObjectChangeSet() : null;
  }

  @Override
  public void postDelete(DescriptorEvent event) {
    if (event.getSource() instanceof Audited audited) {
      write(event, audited, "DELETE", List.of());
    }
  }

  private static boolean skip(String attribute, Audited audited) {
    return "version".equals(attribute) || "id".equals(attribute) || audited.auditExcluded().contains(attribute);
  }

  private static String describe(ChangeRecord record, DescriptorEvent event) {
    if (record instanceof DirectToFieldChangeRecord direct) {
      return show(direct.getOldValue()) + " → " + show(direct.getNewValue());
    }
    if (record instanceof ObjectReferenceChangeRecord reference) {
      Object old = reference.getOldValue();
      Object now = event.getDescriptor().getMappingForAttributeName(record.getAttribute()).getAttributeValueFromObject(event.getSource());
      return show(old) + " → " + show(now);
    }
    if (record instanceof DirectCollectionChangeRecord collection) {
      return "+" + show(collection.getAddObjectList()) + " −" + show(collection.getRemoveObjectList());
    }
    if (record instanceof CollectionChangeRecord collection) {
      return "+" + collection.getAddObjectList().size() + " −" + collection.getRemoveObjectList().size();
    }
    return "modifié";
  }

  /** 50.0 and 50.00 are the same rate: a change of scale alone is not a change. */
  private static boolean sameNumber(ChangeRecord record) {
    return record instanceof DirectToFieldChangeRecord direct && direct.getOldValue() instanceof BigDecimal before
        && direct.getNewValue() instanceof BigDecimal after && before.compareTo(after) == 0;
  }

  static String show(Object value) {
    if (value == null) {
      return "∅";
    }
    if (value instanceof BigDecimal amount) {
      return amount.toPlainString();
    }
    if (value instanceof java.time.LocalDateTime time) {
      // A reader wants the second; the nanoseconds the clock gives are noise in the trail.
      return time.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }
    if (value instanceof Audited other) {
      return String.valueOf(other.auditKey());
    }
    if (value instanceof Collection<?> collection) {
      List<String> parts = new ArrayList<>();
      for (Object o : collection) {
        parts.add(show(o));
      }
      java.util.Collections.sort(parts);
      return parts.toString();
    }
    String text = String.valueOf(value);
    return text.length() > 300 ? text.substring(0, 299) + "…" : text;
  }

  private static void write(DescriptorEvent event, Audited audited, String action, List<String> lines) {
    SQLCall call = new SQLCall(INSERT);
    DataModifyQuery query = new DataModifyQuery(call);
    for (String argument : List.of("AT", "ACTOR", "ACTION", "ENTITY_TYPE", "ENTITY_ID", "SUMMARY", "CHANGES")) {
      query.addArgument(argument);
    }
    String type = audited.getClass().getSimpleName();
    String key = String.valueOf(audited.auditKey());
    List<Object> values = new ArrayList<>();
    values.add(java.sql.Timestamp.valueOf(AuditContext.now()));
    values.add(AuditContext.clip(AuditContext.actor(), 60));
    values.add(action);
    values.add(AuditContext.clip(type, 60));
    values.add(AuditContext.clip(key, 60));
    values.add(AuditContext.clip(type + " " + key, 500));
    values.add(String.join("\n", lines));
    AbstractSession session = event.getSession();
    session.executeQuery(query, values);
  }

}
