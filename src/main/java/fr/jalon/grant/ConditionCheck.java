package fr.jalon.grant;

import fr.jalon.platform.Messages;
import java.util.List;
import java.util.Locale;

/**
 * One release condition of a tranche as evaluated now: which one, whether it holds, and why,
 * as a message key and its arguments so each reader gets it in their language.
 */
public record ConditionCheck(Code code, boolean met, String messageKey, List<Object> args) {
  public enum Code {
    PREVIOUS_RECEIVED,
    SPEND_RATIO,
    MILESTONE_VALIDATED,
    REPORT_ACCEPTED
  }

  /** An argument that is itself a label from the bundles (a status name), shown in the reader's language. */
  public record Label(String key) {}

  public String text(Locale locale) {
    Object[] shown = args.stream().map(a -> a instanceof Label l ? Messages.get(locale, l.key()) : a).toArray();
    return Messages.get(locale, messageKey, shown);
  }
}
