package fr.jalon.plan;

import fr.jalon.platform.Messages;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A grid cell's amount: shown {@code 12 345,67} (French) and read back whatever the user types
 * ({@code 12345,67}, {@code 12 345.67}, {@code 12345}); an empty cell is zero.
 */
@FacesConverter("planAmount")
public class AmountConverter implements Converter<BigDecimal> {
  @Override
  public BigDecimal getAsObject(FacesContext context, UIComponent component, String value) {
    if (value == null || value.isBlank()) {
      return BigDecimal.ZERO.setScale(2);
    }
    String plain = value.replaceAll("[\\s\\u00A0\\u202F€]", "").replace(',', '.');
    try {
      return new BigDecimal(plain);
    } catch (NumberFormatException e) {
      String m = Messages.get(context.getViewRoot().getLocale(), "budget.cell.unreadable", value);
      throw new ConverterException(new FacesMessage(FacesMessage.SEVERITY_ERROR, m, m));
    }
  }

  @Override
  public String getAsString(FacesContext context, UIComponent component, BigDecimal value) {
    if (value == null) {
      return "";
    }
    boolean english = context.getViewRoot().getLocale() != null && "en".equals(context.getViewRoot().getLocale().getLanguage());
    java.text.DecimalFormatSymbols symbols = java.text.DecimalFormatSymbols.getInstance(java.util.Locale.FRENCH);
    symbols.setGroupingSeparator(english ? ',' : '\u00A0');
    symbols.setDecimalSeparator(english ? '.' : ',');
    java.text.DecimalFormat format = new java.text.DecimalFormat("#,##0.00", symbols);
    format.setRoundingMode(RoundingMode.HALF_UP);
    return format.format(value);
  }
}
