package fr.jalon.platform;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns every failure into {@code application/problem+json} in the caller's language (French
 * unless they ask for English): validation and rules name the field; nothing leaks a stack trace.
 */
public final class ProblemMappers {
  private ProblemMappers() {}

  public static Locale locale(HttpHeaders headers) {
    if (headers != null) {
      for (Locale l : headers.getAcceptableLanguages()) {
        if ("en".equals(l.getLanguage())) {
          return Locale.ENGLISH;
        }
        if ("fr".equals(l.getLanguage())) {
          return Locale.FRENCH;
        }
      }
    }
    return Locale.FRENCH;
  }

  @Provider
  public static class Validation implements ExceptionMapper<ConstraintViolationException> {
    @Context HttpHeaders headers;

    @Override
    public Response toResponse(ConstraintViolationException e) {
      Locale locale = locale(headers);
      List<Problem.FieldError> errors = new ArrayList<>();
      for (ConstraintViolation<?> v : e.getConstraintViolations()) {
        errors.add(new Problem.FieldError(field(v.getPropertyPath()), message(v, locale)));
      }
      errors.sort(java.util.Comparator.comparing(Problem.FieldError::field));
      return new Problem("about:blank", Messages.get(locale, "error.validation"), 400, Messages.get(locale, "error.validation.detail"), errors).toResponse();
    }

    /** Presence constraints speak the bundle's words; others keep the validator's message. */
    static String message(ConstraintViolation<?> v, Locale locale) {
      String type = v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
      return switch (type) {
        case "NotNull", "NotBlank", "NotEmpty" -> Messages.get(locale, "field.required");
        default -> v.getMessage();
      };
    }

    /** The field as the client named it: the bean properties, without method and parameter nodes. */
    private static String field(Path path) {
      StringBuilder field = new StringBuilder();
      for (Path.Node node : path) {
        if (node.getKind() == ElementKind.PROPERTY) {
          if (!field.isEmpty()) {
            field.append('.');
          }
          field.append(node.getName());
        }
      }
      return field.isEmpty() ? "body" : field.toString();
    }
  }

  @Provider
  public static class Rule implements ExceptionMapper<RuleViolation> {
    @Context HttpHeaders headers;

    @Override
    public Response toResponse(RuleViolation e) {
      Locale locale = locale(headers);
      String message = e.message(locale);
      return new Problem("about:blank", Messages.get(locale, "error.validation"), 400, message, List.of(new Problem.FieldError(e.field(), message))).toResponse();
    }
  }

  @Provider
  public static class SeveralRules implements ExceptionMapper<RuleViolation.Several> {
    @Context HttpHeaders headers;

    @Override
    public Response toResponse(RuleViolation.Several e) {
      Locale locale = locale(headers);
      List<Problem.FieldError> errors = e.violations().stream().map(v -> new Problem.FieldError(v.field(), v.message(locale))).toList();
      return new Problem("about:blank", Messages.get(locale, "error.validation"), 400, Messages.get(locale, "error.validation.detail"), errors).toResponse();
    }
  }

  @Provider
  public static class Conflict implements ExceptionMapper<ConcurrentEditException> {
    @Context HttpHeaders headers;

    @Override
    public Response toResponse(ConcurrentEditException e) {
      return Problem.of(409, Messages.get(locale(headers), "error.conflict.title"), e.getMessage());
    }
  }

  @Provider
  public static class OptimisticLock implements ExceptionMapper<OptimisticLockException> {
    @Context HttpHeaders headers;

    @Override
    public Response toResponse(OptimisticLockException e) {
      Locale locale = locale(headers);
      return Problem.of(409, Messages.get(locale, "error.conflict.title"), Messages.get(locale, "error.conflict.generic"));
    }
  }

  @Provider
  public static class Denied implements ExceptionMapper<AccessDeniedException> {
    @Context HttpHeaders headers;

    @Override
    public Response toResponse(AccessDeniedException e) {
      Locale locale = locale(headers);
      return Problem.of(403, Messages.get(locale, "error.forbidden.title"), Messages.get(locale, "error.forbidden"));
    }
  }

  @Provider
  public static class Missing implements ExceptionMapper<NotFoundException> {
    @Context HttpHeaders headers;

    @Override
    public Response toResponse(NotFoundException e) {
      return Problem.of(404, Messages.get(locale(headers), "error.notFound.title"), e.getMessage());
    }
  }

  /** Everything else: the HTTP status it carries, or 500 with a generic message and a log line. */
  @Provider
  public static class Unexpected implements ExceptionMapper<Throwable> {
    private static final Logger LOG = Logger.getLogger(Unexpected.class.getName());
    @Context HttpHeaders headers;

    @Override
    public Response toResponse(Throwable e) {
      Locale locale = locale(headers);
      Throwable cause = unwrap(e);
      if (cause != e && cause instanceof RuntimeException known) {
        Response mapped = mapKnown(known);
        if (mapped != null) {
          return mapped;
        }
      }
      if (e instanceof jakarta.ws.rs.ProcessingException || cause instanceof jakarta.json.bind.JsonbException) {
        return Problem.of(400, Messages.get(locale, "error.badRequest.title"), Messages.get(locale, "error.badRequest"));
      }
      if (e instanceof WebApplicationException web) {
        int status = web.getResponse().getStatus();
        String title = switch (status) {
          case 400 -> Messages.get(locale, "error.badRequest.title");
          case 401 -> Messages.get(locale, "error.unauthorized.title");
          case 403 -> Messages.get(locale, "error.forbidden.title");
          case 404 -> Messages.get(locale, "error.notFound.title");
          case 405 -> Messages.get(locale, "error.methodNotAllowed.title");
          case 406, 415 -> Messages.get(locale, "error.mediaType.title");
          default -> Messages.get(locale, "error.server.title");
        };
        String detail = status == 400 ? Messages.get(locale, "error.badRequest") : title;
        return Problem.of(status, title, detail);
      }
      LOG.log(Level.SEVERE, "Erreur inattendue dans l'API", e);
      return Problem.of(500, Messages.get(locale, "error.server.title"), Messages.get(locale, "error.server"));
    }

    private Response mapKnown(RuntimeException e) {
      if (e instanceof RuleViolation r) {
        Rule m = new Rule();
        m.headers = headers;
        return m.toResponse(r);
      }
      if (e instanceof RuleViolation.Several s) {
        SeveralRules m = new SeveralRules();
        m.headers = headers;
        return m.toResponse(s);
      }
      if (e instanceof ConstraintViolationException c) {
        Validation m = new Validation();
        m.headers = headers;
        return m.toResponse(c);
      }
      if (e instanceof AccessDeniedException a) {
        Denied m = new Denied();
        m.headers = headers;
        return m.toResponse(a);
      }
      if (e instanceof ConcurrentEditException || e instanceof OptimisticLockException || e instanceof org.eclipse.persistence.exceptions.OptimisticLockException) {
        return Problem.of(409, Messages.get(locale(headers), "error.conflict.title"), Messages.get(locale(headers), "error.conflict.generic"));
      }
      if (e instanceof NotFoundException n) {
        return Problem.of(404, Messages.get(locale(headers), "error.notFound.title"), n.getMessage());
      }
      return null;
    }

    /** Transactions and interceptors wrap the real cause; find it. */
    public static Throwable unwrap(Throwable e) {
      Throwable current = e;
      for (int depth = 0; depth < 10 && current.getCause() != null; depth++) {
        if (current instanceof RuleViolation || current instanceof RuleViolation.Several || current instanceof AccessDeniedException
            || current instanceof ConstraintViolationException || current instanceof ConcurrentEditException
            || current instanceof OptimisticLockException || current instanceof org.eclipse.persistence.exceptions.OptimisticLockException || current instanceof NotFoundException) {
          return current;
        }
        current = current.getCause();
      }
      return current;
    }
  }
}
