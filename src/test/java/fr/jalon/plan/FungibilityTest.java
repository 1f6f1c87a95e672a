package fr.jalon.plan;

import static org.assertj.core.api.Assertions.assertThat;

import fr.jalon.plan.Fungibility.Total;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rule 12 at its boundaries: share moved per category, moves between actions. */
class FungibilityTest {
  static final BigDecimal THIRTY = new BigDecimal("30");

  static List<Total> cats(String... codeAmount) {
    java.util.ArrayList<Total> list = new java.util.ArrayList<>();
    for (int i = 0; i < codeAmount.length; i += 2) {
      list.add(new Total(codeAmount[i], codeAmount[i], new BigDecimal(codeAmount[i + 1])));
    }
    return list;
  }

  static final List<Total> SAME_ACTIONS = cats("A1", "1000.00");

  @Test
  void aMoveExactlyAtTheThresholdIsApprovedAlone() {
    var r = Fungibility.compare(cats("PERS", "1000.00", "INV", "1000.00"), cats("PERS", "1300.00", "INV", "700.00"), SAME_ACTIONS, SAME_ACTIONS, THIRTY);
    assertThat(r.categories()).extracting(Fungibility.CategoryMove::sharePercent).containsExactly(new BigDecimal("30.00"), new BigDecimal("30.00"));
    assertThat(r.categoryAboveThreshold()).isFalse();
    assertThat(r.needsDecision()).isFalse();
  }

  @Test
  void oneCentAboveTheThresholdNeedsADecision() {
    var r = Fungibility.compare(cats("PERS", "1000.00", "INV", "1000.00"), cats("PERS", "1300.01", "INV", "699.99"), SAME_ACTIONS, SAME_ACTIONS, THIRTY);
    assertThat(r.categoriesAbove()).containsExactly("PERS", "INV");
    assertThat(r.needsDecision()).isTrue();
  }

  @Test
  void oneCentAboveOnABigBaselineStillCounts() {
    // 30 % of 3 333 333,33 is 999 999,999: 1 000 000,00 moved is above by less than a cent, 999 999,99 below.
    assertThat(Fungibility.above(new BigDecimal("3333333.33"), new BigDecimal("4333333.33"), THIRTY)).isTrue();
    assertThat(Fungibility.above(new BigDecimal("3333333.33"), new BigDecimal("4333333.32"), THIRTY)).isFalse();
    assertThat(Fungibility.above(new BigDecimal("3333333.40"), new BigDecimal("4333333.42"), THIRTY)).isFalse();
  }

  @Test
  void aCategoryWithoutBaselineMoneyThatGetsSomeMovedOneHundredPercentAndNeedsADecision() {
    var r = Fungibility.compare(cats("PERS", "1000.00"), cats("PERS", "999.99", "COMM", "0.01"), SAME_ACTIONS, SAME_ACTIONS, new BigDecimal("100"));
    var comm = r.categories().get(1);
    assertThat(comm.code()).isEqualTo("COMM");
    assertThat(comm.sharePercent()).isEqualByComparingTo("100");
    assertThat(comm.aboveThreshold()).isTrue();
    assertThat(r.needsDecision()).isTrue();
  }

  @Test
  void aCategoryAtZeroOnBothSidesMovedNothing() {
    assertThat(Fungibility.share(BigDecimal.ZERO, BigDecimal.ZERO)).isEqualByComparingTo("0");
    assertThat(Fungibility.above(BigDecimal.ZERO, BigDecimal.ZERO, THIRTY)).isFalse();
  }

  @Test
  void moneyMovingBetweenActionsNeedsADecisionEvenBelowTheThreshold() {
    var r = Fungibility.compare(cats("PERS", "1000.00"), cats("PERS", "1000.00"), cats("A1", "500.00", "A2", "500.00"), cats("A1", "499.99", "A2", "500.01"), THIRTY);
    assertThat(r.categoryAboveThreshold()).isFalse();
    assertThat(r.moneyMovesBetweenActions()).isTrue();
    assertThat(r.actionsMoved()).containsExactly("A1", "A2");
    assertThat(r.needsDecision()).isTrue();
  }

  @Test
  void aCategoryThatLosesAllItsMoneyMovedOneHundredPercent() {
    assertThat(Fungibility.share(new BigDecimal("200.00"), BigDecimal.ZERO)).isEqualByComparingTo("100");
  }

  @Test
  void theFirstApprovalNeedsNoDecision() {
    var r = Fungibility.firstApproval(cats("PERS", "1000.00"), cats("A1", "1000.00"), THIRTY);
    assertThat(r.hasBaseline()).isFalse();
    assertThat(r.needsDecision()).isFalse();
  }

  @Test
  void theRefusalNamesTheCategoriesAndTheActions() {
    var r = Fungibility.compare(cats("PERS", "1000.00"), cats("PERS", "2000.00"), cats("A1", "1000.00"), cats("A1", "2000.00"), THIRTY);
    assertThat(BudgetService.reasons(r)).contains("PERS").contains("100").contains("30").contains("A1");
  }
}
