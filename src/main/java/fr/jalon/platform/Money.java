package fr.jalon.platform;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Euros: {@link BigDecimal} at scale 2, shown the French way ({@code 12 345,67 €}). The thousands
 * separator is a no-break space so an amount never wraps inside a line.
 */
public final class Money {
  public static final int SCALE = 2;
  private static final char NBSP = '\u00A0';

  private Money() {}

  /** The amount at scale 2; refuses amounts with fractions of a cent rather than rounding them. */
  public static BigDecimal exact(BigDecimal amount) {
    if (amount == null) {
      return null;
    }
    try {
      return amount.setScale(SCALE, RoundingMode.UNNECESSARY);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("Montant au-delà du centime : " + amount.toPlainString(), e);
    }
  }

  public static BigDecimal of(String amount) {
    return exact(new BigDecimal(amount));
  }

  /** {@code 12 345,67 €} in French, {@code €12,345.67} in English. */
  public static String format(BigDecimal amount, Locale locale) {
    if (amount == null) {
      return "";
    }
    if (isFrench(locale)) {
      return number(amount, SCALE) + NBSP + "€";
    }
    DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.UK));
    return "€" + format.format(amount.setScale(SCALE, RoundingMode.HALF_UP));
  }

  public static String format(BigDecimal amount) {
    return format(amount, Locale.FRENCH);
  }

  /** A percentage such as {@code 50 %} or {@code 12,5 %}. */
  public static String percent(BigDecimal rate, Locale locale) {
    if (rate == null) {
      return "";
    }
    BigDecimal plain = rate.stripTrailingZeros();
    int scale = Math.max(0, plain.scale());
    if (isFrench(locale)) {
      return number(rate, scale) + NBSP + "%";
    }
    return plain.toPlainString() + "%";
  }

  /** A plain quantity (an indicator's value): {@code 1 234} or {@code 12,5} in French, {@code 1,234} or {@code 12.5} in English. */
  public static String quantity(BigDecimal value, Locale locale) {
    if (value == null) {
      return "";
    }
    int scale = Math.max(0, value.stripTrailingZeros().scale());
    if (isFrench(locale)) {
      return number(value, scale);
    }
    DecimalFormat format = new DecimalFormat(scale > 0 ? "#,##0." + "0".repeat(scale) : "#,##0", DecimalFormatSymbols.getInstance(Locale.UK));
    return format.format(value);
  }

  private static String number(BigDecimal amount, int scale) {
    DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.FRENCH);
    symbols.setGroupingSeparator(NBSP);
    symbols.setDecimalSeparator(',');
    StringBuilder pattern = new StringBuilder("#,##0");
    if (scale > 0) {
      pattern.append('.').append("0".repeat(scale));
    }
    DecimalFormat format = new DecimalFormat(pattern.toString(), symbols);
    format.setRoundingMode(RoundingMode.HALF_UP);
    return format.format(amount);
  }

  private static boolean isFrench(Locale locale) {
    return locale == null || !"en".equals(locale.getLanguage());
  }
}
