package fr.jalon.platform;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIMessage;
import jakarta.faces.context.FacesContext;
import java.util.Locale;

/** Small helpers for backing beans: messages in the view's language, next to a field or global. */
public final class Faces {
  private Faces() {}

  public static Locale locale() {
    return FacesContext.getCurrentInstance().getViewRoot().getLocale();
  }

  public static String text(String key, Object... args) {
    return Messages.get(locale(), key, args);
  }

  public static void info(String key, Object... args) {
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text(key, args), null));
  }

  /** Goes to another page of the application; messages added before it survive the redirect. */
  public static void redirect(String path) {
    var external = FacesContext.getCurrentInstance().getExternalContext();
    external.getFlash().setKeepMessages(true);
    try {
      external.redirect(external.getRequestContextPath() + path);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public static void error(String clientId, String message) {
    FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
    FacesContext.getCurrentInstance().validationFailed();
  }

  /**
   * Shows a refused change: each rule violation next to its field (the form names its inputs after
   * the fields, dots as underscores), a conflict or denial as a global message.
   */
  public static void show(RuntimeException e, String formId) {
    Throwable cause = ProblemMappers.Unexpected.unwrap(e);
    if (cause instanceof RuleViolation || cause instanceof RuleViolation.Several || cause instanceof jakarta.validation.ConstraintViolationException) {
      // One line at the top says where to look; each field says what is wrong with it.
      error(null, text("error.fields"));
    }
    if (cause instanceof RuleViolation v) {
      field(formId, v);
    } else if (cause instanceof RuleViolation.Several several) {
      several.violations().forEach(v -> field(formId, v));
    } else if (cause instanceof ConcurrentEditException || cause instanceof jakarta.persistence.OptimisticLockException || cause instanceof org.eclipse.persistence.exceptions.OptimisticLockException) {
      error(null, text("error.conflict.form"));
    } else if (cause instanceof AccessDeniedException) {
      error(null, text("error.forbidden"));
    } else if (cause instanceof jakarta.validation.ConstraintViolationException c) {
      c.getConstraintViolations().forEach(v -> {
        String leaf = null;
        for (jakarta.validation.Path.Node node : v.getPropertyPath()) {
          leaf = node.getName();
        }
        field(formId, new RuleViolation(leaf, "field.required") {
          @Override
          public String message(Locale locale) {
            return ProblemMappers.Validation.message(v, locale);
          }
        });
      });
    } else {
      throw e;
    }
  }

  private static void field(String formId, RuleViolation v) {
    String id = v.field() == null ? null : formId + ":" + v.field().replace('.', '_');
    String message = v.message(locale());
    var component = id == null ? null : FacesContext.getCurrentInstance().getViewRoot().findComponent(id);
    if (component == null) {
      error(null, message);
      return;
    }
    // Name the field: the message may show away from the input.
    Object label = component.getAttributes().get("label");
    boolean english = "en".equals(locale().getLanguage());
    String separator = english ? ": " : " : ";
    // After a colon French goes on in lower case: « Intitulé : ce champ est obligatoire. »
    String rest = english || message.isEmpty() ? message : Character.toLowerCase(message.charAt(0)) + message.substring(1);
    // A field without its own p:message would swallow the message: then the page's messages show it.
    error(shownFor(component) ? id : null, label == null ? message : label + separator + rest);
  }

  /** Whether the field's form holds a message component for it. */
  private static boolean shownFor(UIComponent field) {
    return holdsMessageFor(field.getNamingContainer(), field.getId());
  }

  private static boolean holdsMessageFor(UIComponent component, String fieldId) {
    if (component instanceof UIMessage message && fieldId.equals(message.getFor())) {
      return true;
    }
    for (var children = component.getFacetsAndChildren(); children.hasNext();) {
      if (holdsMessageFor(children.next(), fieldId)) {
        return true;
      }
    }
    return false;
  }

}
