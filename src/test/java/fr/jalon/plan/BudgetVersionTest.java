package fr.jalon.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.jalon.grant.Cofunding;
import fr.jalon.grant.FunderKind;
import fr.jalon.grant.FundingNature;
import fr.jalon.grant.Grant;
import fr.jalon.grant.GrantChange;
import fr.jalon.grant.LegalForm;
import fr.jalon.grant.Organisation;
import fr.jalon.grant.ParameterValues;
import fr.jalon.platform.RuleViolation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** An approved budget version never changes; only a draft takes lines. */
class BudgetVersionTest {
  static Grant grant() {
    return grant("G-1");
  }

  static Grant grant(String reference) {
    return new Grant(new GrantChange(reference, "Campus test", "PIA 3", "CDC", "MENJ", LocalDate.of(2019, 12, 1), LocalDate.of(2020, 1, 1), LocalDate.of(2029, 12, 31),
        new BigDecimal("2000000.00"), new BigDecimal("5000000.00"), ParameterValues.defaults(), null), new Organisation("Lycée", null, LegalForm.EPLE, false));
  }

  static BudgetVersion draft(Grant g) {
    return new BudgetVersion(g, 1, "Budget initial", null, LocalDateTime.of(2020, 1, 2, 9, 0), "projet");
  }

  @Test
  void aDraftTakesLinesAndChanges() {
    Grant g = grant();
    BudgetVersion v = draft(g);
    Action a = new Action(g, null, "A1", "Plateforme", null, null, LocalDate.of(2020, 1, 1), LocalDate.of(2029, 12, 31));
    BudgetLine line = new BudgetLine(v, a, CostCategory.defaults(g).get(0), new Cofunding(g, g.beneficiary(), FunderKind.PIA, FundingNature.CASH, BigDecimal.TEN), 2021,
        new BigDecimal("100"));
    line.plan(new BigDecimal("150.50"));
    assertThat(line.amount()).isEqualByComparingTo("150.50");
    v.relabel("Budget initial corrigé");
    assertThat(v.label()).isEqualTo("Budget initial corrigé");
  }

  @Test
  void anApprovedVersionRefusesEveryChange() {
    Grant g = grant();
    BudgetVersion v = draft(g);
    Action a = new Action(g, null, "A1", "Plateforme", null, null, LocalDate.of(2020, 1, 1), LocalDate.of(2029, 12, 31));
    Cofunding pia = new Cofunding(g, g.beneficiary(), FunderKind.PIA, FundingNature.CASH, BigDecimal.TEN);
    CostCategory pers = CostCategory.defaults(g).get(0);
    BudgetLine line = new BudgetLine(v, a, pers, pia, 2021, new BigDecimal("100"));
    v.approve(LocalDate.of(2020, 3, 1), "admin", null);

    assertThatThrownBy(() -> line.plan(new BigDecimal("1"))).isInstanceOf(RuleViolation.class).hasMessageContaining("ne change plus");
    assertThatThrownBy(() -> new BudgetLine(v, a, pers, pia, 2022, BigDecimal.ONE)).isInstanceOf(RuleViolation.class);
    assertThatThrownBy(() -> v.relabel("autre")).isInstanceOf(RuleViolation.class);
    assertThatThrownBy(() -> v.approve(LocalDate.of(2020, 3, 2), "admin", null)).isInstanceOf(RuleViolation.class);
    assertThatThrownBy(line::checkDraft).isInstanceOf(RuleViolation.class);
    assertThat(line.amount()).isEqualByComparingTo("100");

    v.supersede();
    assertThat(v.status()).isEqualTo(BudgetStatus.SUPERSEDED);
    assertThatThrownBy(v::supersede).isInstanceOf(RuleViolation.class);
    assertThatThrownBy(v::checkRemove).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void theDatabaseGuardRefusesAnUpdateOfAnApprovedVersionOtherThanSuperseding() {
    BudgetVersion v = draft(grant());
    v.approve(LocalDate.of(2020, 3, 1), "admin", null);
    v.remember(); // as loaded from the database
    v.supersede();
    v.checkUpdate();
    v.remember();
    assertThatThrownBy(v::checkUpdate).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void amountsAreZeroOrMoreToTheCentAndYearsComeFromTheGrant() {
    Grant g = grant();
    BudgetVersion v = draft(g);
    Action a = new Action(g, null, "A1", "Plateforme", null, null, LocalDate.of(2020, 1, 1), LocalDate.of(2029, 12, 31));
    Cofunding pia = new Cofunding(g, g.beneficiary(), FunderKind.PIA, FundingNature.CASH, BigDecimal.TEN);
    CostCategory pers = CostCategory.defaults(g).get(0);
    assertThatThrownBy(() -> new BudgetLine(v, a, pers, pia, 2021, new BigDecimal("-0.01"))).hasFieldOrPropertyWithValue("field", "amount");
    assertThatThrownBy(() -> new BudgetLine(v, a, pers, pia, 2021, new BigDecimal("1.001"))).hasFieldOrPropertyWithValue("field", "amount");
    assertThatThrownBy(() -> new BudgetLine(v, a, pers, pia, 2030, BigDecimal.ONE)).hasFieldOrPropertyWithValue("field", "year");
  }

  @Test
  void actionDatesLieInsideTheGrantsAndTheTreeHasThreeLevels() {
    Grant g = grant();
    assertThatThrownBy(() -> new Action(g, null, "A1", "X", null, null, LocalDate.of(2019, 12, 31), LocalDate.of(2021, 1, 1))).hasFieldOrPropertyWithValue("field", "startDate");
    assertThatThrownBy(() -> new Action(g, null, "A1", "X", null, null, LocalDate.of(2020, 1, 1), LocalDate.of(2030, 1, 1))).hasFieldOrPropertyWithValue("field", "endDate");
    Action axis = new Action(g, null, "A1", "Axe", null, null, LocalDate.of(2020, 1, 1), LocalDate.of(2029, 12, 31));
    Action action = new Action(g, axis, "A1.1", "Action", null, null, LocalDate.of(2020, 1, 1), LocalDate.of(2029, 12, 31));
    Action sub = new Action(g, action, "A1.1.1", "Sous-action", null, null, LocalDate.of(2020, 1, 1), LocalDate.of(2029, 12, 31));
    assertThat(sub.depth()).isEqualTo(3);
    assertThatThrownBy(() -> new Action(g, sub, "A1.1.1.1", "Trop", null, null, LocalDate.of(2020, 1, 1), LocalDate.of(2029, 12, 31)))
        .hasFieldOrPropertyWithValue("field", "parentId");
  }
}
