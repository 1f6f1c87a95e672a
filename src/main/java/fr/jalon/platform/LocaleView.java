package fr.jalon.platform;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Locale;

/** The screen language of this session: French unless the user switches to English. */
@Named
@SessionScoped
public class LocaleView implements Serializable {
  private Locale locale = Locale.FRENCH;

  public Locale getLocale() {
    return locale;
  }

  public boolean isFrench() {
    return !"en".equals(locale.getLanguage());
  }

  public void switchTo(String language) {
    locale = "en".equals(language) ? Locale.ENGLISH : Locale.FRENCH;
    FacesContext.getCurrentInstance().getViewRoot().setLocale(locale);
  }
}
