package fr.jalon.platform;

import java.util.List;
import java.util.Locale;

/**
 * A business rule refused a change. Carries the field it concerns (for the form or the JSON
 * problem) and a message key from the bundles, so each screen says it in the user's language.
 */
public class RuleViolation extends RuntimeException {
  private final String field;
  private final String messageKey;
  private final transient Object[] args;

  public RuleViolation(String field, String messageKey, Object... args) {
    super(Messages.get(Locale.FRENCH, messageKey, args));
    this.field = field;
    this.messageKey = messageKey;
    this.args = args;
  }

  public String field() {
    return field;
  }

  public String messageKey() {
    return messageKey;
  }

  public String message(Locale locale) {
    return Messages.get(locale, messageKey, args);
  }

  /** Several violations at once: a form shows them all, not the first only. */
  public static class Several extends RuntimeException {
    private final List<RuleViolation> violations;

    public Several(List<RuleViolation> violations) {
      super(violations.isEmpty() ? "" : violations.get(0).getMessage());
      this.violations = List.copyOf(violations);
    }

    public List<RuleViolation> violations() {
      return violations;
    }

    /** The refusal told first (its message is this exception's). */
    public RuleViolation first() {
      return violations.get(0);
    }
  }

  public static void throwIfAny(List<RuleViolation> violations) {
    if (violations.size() == 1) {
      throw violations.get(0);
    }
    if (!violations.isEmpty()) {
      throw new Several(violations);
    }
  }
}
