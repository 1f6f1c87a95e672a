package fr.jalon.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.jalon.expense.ExpenseFixtures;
import fr.jalon.grant.Grant;
import fr.jalon.grant.LegalForm;
import fr.jalon.platform.RuleViolation;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The lifecycle every report shares and the signatures an ERD needs, on the entity alone. */
class ReportLifecycleTest {
  static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
  static final LocalDateTime NOW = TODAY.atTime(9, 0);

  static Report erd(Grant g) {
    return new Report(g, ReportType.ERD, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), null, NOW, "finance");
  }

  static String message(Throwable e) {
    if (e instanceof RuleViolation.Several s) {
      return s.violations().stream().map(v -> v.message(Locale.FRENCH)).reduce("", String::concat);
    }
    return ((RuleViolation) e).message(Locale.FRENCH);
  }

  @Test
  void theAttesterFollowsTheBeneficiarysLegalForm() {
    assertThat(SignatureRules.required(ReportType.ERD, LegalForm.EPLE)).containsExactly(SignatoryRole.LEGAL_REPRESENTATIVE, SignatoryRole.PUBLIC_ACCOUNTANT);
    assertThat(SignatureRules.required(ReportType.ERD, LegalForm.ASSOCIATION)).containsExactly(SignatoryRole.LEGAL_REPRESENTATIVE, SignatoryRole.STATUTORY_AUDITOR);
    assertThat(SignatureRules.required(ReportType.FINAL_ERD, LegalForm.COMPANY)).contains(SignatoryRole.STATUTORY_AUDITOR);
    assertThat(SignatureRules.required(ReportType.TRANCHE_REQUEST, LegalForm.EPLE)).containsExactly(SignatoryRole.LEGAL_REPRESENTATIVE);
  }

  @Test
  void aPublicBodysErdRefusesTheStatutoryAuditorAndTheSamePersonTwice() {
    Report r = erd(ExpenseFixtures.grant());
    r.moveTo(ReportStatus.IN_REVIEW, null, null, TODAY);
    r.sign(SignatoryRole.LEGAL_REPRESENTATIVE, "Anne Proviseur", "Proviseure", LocalDate.of(2026, 3, 2), "finance", NOW, TODAY);
    assertThatThrownBy(() -> r.sign(SignatoryRole.STATUTORY_AUDITOR, "Cabinet Audit", "Commissaire aux comptes", LocalDate.of(2026, 3, 3), "finance", NOW, TODAY))
        .satisfies(e -> assertThat(message(e)).contains("L’agent comptable"));
    assertThatThrownBy(() -> r.sign(SignatoryRole.PUBLIC_ACCOUNTANT, "  anne PROVISEUR ", "Agent comptable", LocalDate.of(2026, 3, 3), "finance", NOW, TODAY))
        .satisfies(e -> assertThat(message(e)).contains("deux personnes différentes"));
    assertThatThrownBy(() -> r.sign(SignatoryRole.LEGAL_REPRESENTATIVE, "Paul Adjoint", "Proviseur adjoint", LocalDate.of(2026, 3, 3), "finance", NOW, TODAY))
        .satisfies(e -> assertThat(message(e)).contains("a déjà signé"));
    assertThatThrownBy(() -> r.moveTo(ReportStatus.SIGNED, null, null, TODAY)).satisfies(e -> assertThat(message(e)).contains("Signatures manquantes", "L’agent comptable"));
    r.sign(SignatoryRole.PUBLIC_ACCOUNTANT, "Marc Comptable", "Agent comptable", LocalDate.of(2026, 3, 3), "finance", NOW, TODAY);
    r.moveTo(ReportStatus.SIGNED, null, null, TODAY);
    assertThat(r.status()).isEqualTo(ReportStatus.SIGNED);
    assertThat(r.signatures()).extracting(ReportSignature::recordedBy).containsOnly("finance");
  }

  @Test
  void signaturesAreRecordedOnlyInReviewAndNeverDatedInTheFuture() {
    Report r = erd(ExpenseFixtures.grant());
    assertThatThrownBy(() -> r.sign(SignatoryRole.LEGAL_REPRESENTATIVE, "Anne", "Proviseure", TODAY, "finance", NOW, TODAY)).isInstanceOf(RuleViolation.class);
    r.moveTo(ReportStatus.IN_REVIEW, null, null, TODAY);
    assertThatThrownBy(() -> r.sign(SignatoryRole.LEGAL_REPRESENTATIVE, "Anne", "Proviseure", TODAY.plusDays(1), "finance", NOW, TODAY)).satisfies(e -> assertThat(message(e)).contains("futur"));
  }

  @Test
  void theLifecycleGoesOneStepAtATimeAndTO_CORRECTOpensTheNextVersion() throws Exception {
    Report r = erd(ExpenseFixtures.grant());
    assertThatThrownBy(() -> r.moveTo(ReportStatus.SUBMITTED, TODAY, null, TODAY)).satisfies(e -> assertThat(message(e)).contains("Passage refusé"));
    assertThatThrownBy(() -> r.nextVersion(NOW, "finance")).isInstanceOf(RuleViolation.class);
    r.moveTo(ReportStatus.IN_REVIEW, null, null, TODAY);
    r.sign(SignatoryRole.LEGAL_REPRESENTATIVE, "Anne Proviseur", "Proviseure", LocalDate.of(2026, 3, 2), "finance", NOW, TODAY);
    r.sign(SignatoryRole.PUBLIC_ACCOUNTANT, "Marc Comptable", "Agent comptable", LocalDate.of(2026, 3, 3), "finance", NOW, TODAY);
    r.moveTo(ReportStatus.SIGNED, null, null, TODAY);
    assertThatThrownBy(() -> r.moveTo(ReportStatus.SUBMITTED, LocalDate.of(2026, 3, 1), null, TODAY)).satisfies(e -> assertThat(message(e)).contains("précède la signature"));
    assertThatThrownBy(() -> r.moveTo(ReportStatus.SUBMITTED, TODAY.plusDays(1), null, TODAY)).satisfies(e -> assertThat(message(e)).contains("futur"));
    r.moveTo(ReportStatus.SUBMITTED, LocalDate.of(2026, 3, 4), null, TODAY);
    assertThatThrownBy(() -> r.regenerated(1, java.math.BigDecimal.ONE, NOW, "finance")).isInstanceOf(RuleViolation.class);
    assertThatThrownBy(() -> r.moveTo(ReportStatus.TO_CORRECT, TODAY, " ", TODAY)).satisfies(e -> assertThat(message(e)).contains("à corriger"));
    r.moveTo(ReportStatus.TO_CORRECT, TODAY, "Facture F-3 illisible", TODAY);
    fr.jalon.platform.Fields.set(r, "id", 41L);
    Report next = r.nextVersion(NOW, "finance");
    assertThat(next.reportVersion()).isEqualTo(2);
    assertThat(next.previousId()).isEqualTo(41L);
    assertThat(next.status()).isEqualTo(ReportStatus.DRAFT);
    assertThat(next.periodFrom()).isEqualTo(r.periodFrom());
    assertThat(r.status()).isEqualTo(ReportStatus.TO_CORRECT);
    assertThat(r.answerNote()).isEqualTo("Facture F-3 illisible");
    assertThat(ReportStatus.ACCEPTED.next()).isEmpty();
    assertThat(ReportStatus.TO_CORRECT.next()).isEmpty();
  }
}
