package fr.jalon.platform;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Labels and messages from the bundles {@code i18n/messages} (French by default, English). */
public final class Messages {
  public static final String BUNDLE = "i18n.messages";
  public static final Locale FRENCH = Locale.FRENCH;
  public static final List<Locale> SUPPORTED = List.of(Locale.FRENCH, Locale.ENGLISH);

  private Messages() {}

  /** An amount in euros as a message argument: formatted in the reader's language. */
  public record Amount(java.math.BigDecimal value) {}

  /** A percentage as a message argument. */
  public record Rate(java.math.BigDecimal value) {}

  /** A plain quantity as a message argument: 1 234,5 in French, 1,234.5 in English. */
  public record Quantity(java.math.BigDecimal value) {}

  /** A date as a message argument: 01/09/2025 in French, 2025-09-01 in English. */
  public record Day(java.time.LocalDate value) {}

  public static String get(Locale locale, String key, Object... args) {
    Locale effective = locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH : FRENCH;
    Object[] shown = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      shown[i] = args[i] instanceof Amount a ? Money.format(a.value(), effective) : args[i] instanceof Rate r ? Money.percent(r.value(), effective)
          : args[i] instanceof Day d ? Dates.format(d.value(), effective)
          : args[i] instanceof Quantity q ? Money.quantity(q.value(), effective) : args[i];
    }
    args = shown;
    try {
      ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, effective, Messages.class.getClassLoader(), ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
      String pattern = bundle.getString(key);
      return args.length == 0 ? pattern : new MessageFormat(pattern, effective).format(args);
    } catch (MissingResourceException e) {
      return key;
    }
  }

  public static String get(String key, Object... args) {
    return get(FRENCH, key, args);
  }
}
