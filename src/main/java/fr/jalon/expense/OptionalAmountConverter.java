package fr.jalon.expense;

import fr.jalon.plan.AmountConverter;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.FacesConverter;
import java.math.BigDecimal;

/**
 * An amount typed the French way, where an empty field means "not given" (null), not zero: the
 * incl. VAT left empty is computed, an amount filter left empty filters nothing.
 */
@FacesConverter("optionalAmount")
public class OptionalAmountConverter extends AmountConverter {
  @Override
  public BigDecimal getAsObject(FacesContext context, UIComponent component, String value) {
    return value == null || value.isBlank() ? null : super.getAsObject(context, component, value);
  }
}
