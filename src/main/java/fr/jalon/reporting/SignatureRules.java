package fr.jalon.reporting;

import fr.jalon.grant.LegalForm;
import fr.jalon.platform.Messages;
import fr.jalon.platform.RuleViolation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Who must sign a report. Every report is certified by the beneficiary's legal representative; an
 * expense statement's payments are attested as well, by the public accountant for a public body or
 * the statutory auditor for a private one — two different people.
 */
public final class SignatureRules {
  private SignatureRules() {}

  public static List<SignatoryRole> required(ReportType type, LegalForm form) {
    if (type.statement()) {
      return List.of(SignatoryRole.LEGAL_REPRESENTATIVE, attester(form));
    }
    return List.of(SignatoryRole.LEGAL_REPRESENTATIVE);
  }

  /** The one who attests the payments of an expense statement, from the beneficiary's legal form. */
  public static SignatoryRole attester(LegalForm form) {
    return form.publicBody() ? SignatoryRole.PUBLIC_ACCOUNTANT : SignatoryRole.STATUTORY_AUDITOR;
  }

  public static List<SignatoryRole> missing(ReportType type, LegalForm form, List<SignatoryRole> present) {
    List<SignatoryRole> missing = new ArrayList<>(required(type, form));
    missing.removeAll(present);
    return missing;
  }

  static void check(ReportType type, LegalForm form, List<ReportSignature> existing, SignatoryRole role, String name, String quality, LocalDate signedOn, LocalDate today) {
    List<RuleViolation> problems = new ArrayList<>();
    if (role == null) {
      problems.add(new RuleViolation("role", "report.sign.roleRequired"));
    } else if (!required(type, form).contains(role)) {
      problems.add(new RuleViolation("role", "report.sign.wrongRole", Messages.get("signatory." + role.name()), Messages.get("signatory." + attester(form).name())));
    } else if (existing.stream().anyMatch(s -> s.role() == role)) {
      problems.add(new RuleViolation("role", "report.sign.already", Messages.get("signatory." + role.name())));
    }
    if (name == null || name.isBlank()) {
      problems.add(new RuleViolation("name", "report.sign.nameRequired"));
    } else if (name.strip().length() > 120) {
      problems.add(new RuleViolation("name", "field.tooLong", 120));
    } else if (existing.stream().anyMatch(s -> same(s.name(), name))) {
      problems.add(new RuleViolation("name", "report.sign.samePerson", name.strip()));
    }
    if (quality == null || quality.isBlank()) {
      problems.add(new RuleViolation("quality", "report.sign.qualityRequired"));
    } else if (quality.strip().length() > 120) {
      problems.add(new RuleViolation("quality", "field.tooLong", 120));
    }
    if (signedOn == null) {
      problems.add(new RuleViolation("signedOn", "report.sign.dateRequired"));
    } else if (signedOn.isAfter(today)) {
      problems.add(new RuleViolation("signedOn", "report.transition.future"));
    }
    RuleViolation.throwIfAny(problems);
  }

  /** Two names are the same person when they differ only by case, accents or spacing. */
  static boolean same(String a, String b) {
    return normal(a).equals(normal(b));
  }

  private static String normal(String s) {
    return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "").replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
  }
}
