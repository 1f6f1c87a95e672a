package fr.jalon.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rule 12, budget fungibility, with no container: for each category the share moved is
 * |approved − proposed| ÷ approved, against the baseline (the budget approved by the last
 * amendment, or the first approved one). Above the threshold for any category, or when any
 * action's total changes (money moving between actions), approval needs a COPIL decision.
 *
 * <p>Boundaries: a share exactly at the threshold is allowed alone; the comparison is exact (no
 * rounding: |p − b| × 100 &gt; threshold × b), so one cent more needs a decision. A category with
 * no baseline money that gets some has moved 100 % and always needs a decision, whatever the
 * threshold (the ratio has no finite value). A category at zero on both sides moved 0 %.
 */
public final class Fungibility {
  private static final BigDecimal HUNDRED = new BigDecimal("100");

  /** One category's baseline, proposal, share moved (percent, two decimals) and verdict. */
  public record CategoryMove(String code, String label, BigDecimal baseline, BigDecimal proposed, BigDecimal sharePercent, boolean aboveThreshold) implements java.io.Serializable {
    public BigDecimal difference() {
      return proposed.subtract(baseline);
    }
  }

  /** One action's baseline and proposed totals; {@code moved} when they differ. */
  public record ActionMove(String code, String title, BigDecimal baseline, BigDecimal proposed) implements java.io.Serializable {
    public BigDecimal difference() {
      return proposed.subtract(baseline);
    }

    public boolean moved() {
      return baseline.compareTo(proposed) != 0;
    }
  }

  /** The verdict: what moved and whether the administrator may approve alone. */
  public record Result(BigDecimal threshold, List<CategoryMove> categories, List<ActionMove> actions, boolean hasBaseline) implements java.io.Serializable {
    public boolean categoryAboveThreshold() {
      return categories.stream().anyMatch(CategoryMove::aboveThreshold);
    }

    public boolean moneyMovesBetweenActions() {
      return actions.stream().anyMatch(ActionMove::moved);
    }

    public boolean needsDecision() {
      return hasBaseline && (categoryAboveThreshold() || moneyMovesBetweenActions());
    }

    public List<String> categoriesAbove() {
      return categories.stream().filter(CategoryMove::aboveThreshold).map(CategoryMove::code).toList();
    }

    public List<String> actionsMoved() {
      return actions.stream().filter(ActionMove::moved).map(ActionMove::code).toList();
    }
  }

  /** A labelled amount: a category's or an action's total in one version. */
  public record Total(String code, String label, BigDecimal amount) implements java.io.Serializable {}

  private Fungibility() {}

  /**
   * Compares the proposal with the baseline. Totals missing on one side count as zero; the order
   * is the baseline's, then what only the proposal has.
   */
  public static Result compare(List<Total> baselineCategories, List<Total> proposedCategories, List<Total> baselineActions, List<Total> proposedActions, BigDecimal thresholdPercent) {
    List<CategoryMove> categories = new ArrayList<>();
    for (Map.Entry<String, Total[]> e : pair(baselineCategories, proposedCategories).entrySet()) {
      BigDecimal b = amount(e.getValue()[0]);
      BigDecimal p = amount(e.getValue()[1]);
      categories.add(new CategoryMove(e.getKey(), label(e.getValue()), b, p, share(b, p), above(b, p, thresholdPercent)));
    }
    List<ActionMove> actions = new ArrayList<>();
    for (Map.Entry<String, Total[]> e : pair(baselineActions, proposedActions).entrySet()) {
      actions.add(new ActionMove(e.getKey(), label(e.getValue()), amount(e.getValue()[0]), amount(e.getValue()[1])));
    }
    return new Result(thresholdPercent, categories, actions, true);
  }

  /** The first approval: nothing to compare with, so no decision is needed. */
  public static Result firstApproval(List<Total> proposedCategories, List<Total> proposedActions, BigDecimal thresholdPercent) {
    Result r = compare(proposedCategories, proposedCategories, proposedActions, proposedActions, thresholdPercent);
    return new Result(thresholdPercent, r.categories(), r.actions(), false);
  }

  /** The share moved in percent, rounded to two decimals for display; 100 for money out of nothing. */
  public static BigDecimal share(BigDecimal baseline, BigDecimal proposed) {
    BigDecimal moved = proposed.subtract(baseline).abs();
    if (baseline.signum() == 0) {
      return moved.signum() == 0 ? BigDecimal.ZERO.setScale(2) : HUNDRED.setScale(2);
    }
    return moved.multiply(HUNDRED).divide(baseline, 2, RoundingMode.HALF_UP);
  }

  /** Exactly at the threshold is allowed alone; anything above needs a decision. */
  public static boolean above(BigDecimal baseline, BigDecimal proposed, BigDecimal thresholdPercent) {
    BigDecimal moved = proposed.subtract(baseline).abs();
    if (baseline.signum() == 0) {
      return moved.signum() != 0;
    }
    return moved.multiply(HUNDRED).compareTo(thresholdPercent.multiply(baseline)) > 0;
  }

  private static Map<String, Total[]> pair(List<Total> baseline, List<Total> proposed) {
    Map<String, Total[]> byCode = new LinkedHashMap<>();
    Set<String> codes = new LinkedHashSet<>();
    baseline.forEach(t -> codes.add(t.code()));
    proposed.forEach(t -> codes.add(t.code()));
    codes.forEach(c -> byCode.put(c, new Total[2]));
    baseline.forEach(t -> byCode.get(t.code())[0] = t);
    proposed.forEach(t -> byCode.get(t.code())[1] = t);
    return byCode;
  }

  private static BigDecimal amount(Total t) {
    return t == null ? BigDecimal.ZERO.setScale(2) : t.amount().setScale(2);
  }

  private static String label(Total[] pair) {
    return pair[1] != null ? pair[1].label() : pair[0].label();
  }
}
