package fr.jalon.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import fr.jalon.grant.LegalForm;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The budget execution, co-funding and progress reports hold no expense: the legal representative alone signs them, whatever the legal form. */
class BoardReportSignaturesTest {
  @Test
  void reportsWithoutExpensesNeedTheLegalRepresentativeAloneAndRefuseAnAttester() {
    for (ReportType type : List.of(ReportType.BUDGET_EXECUTION, ReportType.COFUNDING, ReportType.PROGRESS, ReportType.FINAL_PROGRESS)) {
      assertThat(type.statement()).as(type.name()).isFalse();
      for (LegalForm form : LegalForm.values()) {
        assertThat(SignatureRules.required(type, form)).as(type + " " + form).containsExactly(SignatoryRole.LEGAL_REPRESENTATIVE);
        assertThat(SignatureRules.missing(type, form, List.of(SignatoryRole.LEGAL_REPRESENTATIVE))).isEmpty();
        assertThat(SignatureRules.missing(type, form, List.of(SignatureRules.attester(form)))).containsExactly(SignatoryRole.LEGAL_REPRESENTATIVE);
      }
    }
  }
}
