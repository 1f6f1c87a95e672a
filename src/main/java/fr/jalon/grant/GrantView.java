package fr.jalon.grant;

import fr.jalon.platform.Dates;
import fr.jalon.platform.Faces;
import fr.jalon.platform.Money;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.primefaces.event.FileUploadEvent;

/** The grant page: everybody reads it; the administrator attaches the signed agreement here. */
@Named
@ViewScoped
public class GrantView implements Serializable {
  @Inject GrantService grants;

  private GrantSheet sheet;

  public GrantSheet getSheet() {
    if (sheet == null) {
      sheet = grants.currentIfAny().orElse(null);
    }
    return sheet;
  }

  public void upload(FileUploadEvent event) {
    try (var in = event.getFile().getInputStream()) {
      sheet = grants.attachSignedAgreement(in, event.getFile().getFileName());
      Faces.info("grant.signedAgreement.saved");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (RuntimeException e) {
      Faces.show(e, "uploadForm");
    }
  }

  public String money(BigDecimal amount) {
    return Money.format(amount, Faces.locale());
  }

  public String percent(BigDecimal rate) {
    return Money.percent(rate, Faces.locale());
  }

  public String date(LocalDate date) {
    return Dates.format(date, Faces.locale());
  }

  public String advanceCapAmount() {
    GrantSheet s = getSheet();
    return money(FundingRules.advanceCeiling(s.maxPiaAmount(), s.parameters().advanceCap()));
  }

  public String interimCapAmount() {
    GrantSheet s = getSheet();
    return money(FundingRules.interimCeiling(s.maxPiaAmount(), s.months(), s.parameters()));
  }
}
