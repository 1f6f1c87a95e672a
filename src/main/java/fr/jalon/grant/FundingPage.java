package fr.jalon.grant;

import fr.jalon.platform.Dates;
import fr.jalon.platform.Faces;
import fr.jalon.platform.Money;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;

/** What the funding pages share: amounts, rates and dates in the reader's language. */
abstract class FundingPage implements Serializable {
  public String money(BigDecimal amount) {
    return Money.format(amount, Faces.locale());
  }

  public String percent(BigDecimal rate) {
    return Money.percent(rate, Faces.locale());
  }

  public String date(LocalDate date) {
    return date == null ? "" : Dates.format(date, Faces.locale());
  }

  /** A message from the bundles with its arguments (EL calls these by their number of arguments). */
  public String text(String key, Object a) {
    return Faces.text(key, a);
  }

  public String text(String key, Object a, Object b) {
    return Faces.text(key, a, b);
  }

  public String text(String key, Object a, Object b, Object c) {
    return Faces.text(key, a, b, c);
  }
}
