package fr.jalon.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.jalon.grant.Grant;
import fr.jalon.grant.GrantChange;
import fr.jalon.grant.LegalForm;
import fr.jalon.grant.Organisation;
import fr.jalon.grant.ParameterValues;
import fr.jalon.platform.RuleViolation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Indicators: school years run September to August, breakdowns sum to the value, derived values are computed, never typed. */
class IndicatorRulesTest {
  private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 29, 10, 0);

  static Grant grant() {
    return new Grant(new GrantChange("PIA3-IND", "Campus", "PIA 3", "CDC", "MENJ", LocalDate.of(2020, 9, 28), LocalDate.of(2020, 9, 1),
        LocalDate.of(2029, 12, 31), new BigDecimal("2000000.00"), new BigDecimal("5000000.00"), ParameterValues.defaults(), null),
        new Organisation("Lycée", null, LegalForm.EPLE, false));
  }

  static IndicatorDefinition definition(String code, String parts, Derivation derivation, String sourcePart) {
    return new IndicatorDefinition(code, "Apprenants", "apprenants", IndicatorKind.OUTPUT, new BigDecimal("410"), parts, derivation, null, sourcePart, null);
  }

  private static Map<String, BigDecimal> parts(String girls, String boys) {
    Map<String, BigDecimal> m = new LinkedHashMap<>();
    m.put("Filles", girls == null ? null : new BigDecimal(girls));
    m.put("Garçons", boys == null ? null : new BigDecimal(boys));
    return m;
  }

  private static String key(Throwable e) {
    return ((RuleViolation) e).messageKey();
  }

  @Test
  void aSchoolYearRunsFromSeptemberToAugustAndIsNamedByItsFirstYear() {
    assertThat(SchoolYear.of(LocalDate.of(2024, 8, 31))).isEqualTo(new SchoolYear(2023));
    assertThat(SchoolYear.of(LocalDate.of(2024, 9, 1))).isEqualTo(new SchoolYear(2024));
    assertThat(new SchoolYear(2024).label()).isEqualTo("2024-2025");
    assertThat(new SchoolYear(2024).lastDay()).isEqualTo(LocalDate.of(2025, 8, 31));
    // A grant from 01/09/2020 to 31/12/2029 covers ten school years, the last one begun in 2029.
    assertThat(SchoolYear.covering(LocalDate.of(2020, 9, 1), LocalDate.of(2029, 12, 31))).hasSize(10).last().isEqualTo(new SchoolYear(2029));
  }

  @Test
  void partsThatSumToTheValueAreKept() {
    Indicator learners = new Indicator(grant(), definition("APP", "Filles;Garçons", null, null), null);
    IndicatorValue value = new IndicatorValue(learners, new SchoolYear(2024));
    value.record(new BigDecimal("500"), parts("112", "388"), "rentrée", NOW, "projet");
    assertThat(value.amount()).isEqualByComparingTo("500");
    assertThat(value.parts()).extracting(ValuePart::label).containsExactly("Filles", "Garçons");
  }

  @Test
  void partsThatDoNotSumToTheValueAreRefusedAndNothingChanges() {
    Indicator learners = new Indicator(grant(), definition("APP", "Filles;Garçons", null, null), null);
    IndicatorValue value = new IndicatorValue(learners, new SchoolYear(2024));
    value.record(new BigDecimal("500"), parts("112", "388"), null, NOW, "projet");
    assertThatThrownBy(() -> value.record(new BigDecimal("501"), parts("112", "388"), null, NOW, "projet"))
        .satisfies(e -> assertThat(key(e)).isEqualTo("indicator.breakdown.sum"))
        .hasMessageContaining("500").hasMessageContaining("501");
    assertThat(value.amount()).isEqualByComparingTo("500");
    // One cent off is off.
    assertThatThrownBy(() -> value.record(new BigDecimal("500.01"), parts("112", "388"), null, NOW, "projet"))
        .satisfies(e -> assertThat(key(e)).isEqualTo("indicator.breakdown.sum"));
  }

  @Test
  void aBreakdownIsWholeOrAbsent() {
    Indicator learners = new Indicator(grant(), definition("APP", "Filles;Garçons", null, null), null);
    IndicatorValue value = new IndicatorValue(learners, new SchoolYear(2024));
    assertThatThrownBy(() -> value.record(new BigDecimal("500"), parts("112", null), null, NOW, "projet"))
        .satisfies(e -> assertThat(key(e)).isEqualTo("indicator.breakdown.missingPart"))
        .hasMessageContaining("Garçons");
    value.record(new BigDecimal("500"), parts(null, null), null, NOW, "projet");
    assertThat(value.parts()).isEmpty();
    Map<String, BigDecimal> unknown = Map.of("Autres", BigDecimal.ONE);
    assertThatThrownBy(() -> value.record(new BigDecimal("1"), unknown, null, NOW, "projet"))
        .satisfies(e -> assertThat(key(e)).isEqualTo("indicator.breakdown.unknownPart"));
  }

  @Test
  void aValueIsNeverNegativeNorFinerThanACent() {
    Indicator teachers = new Indicator(grant(), definition("ENS", null, null, null), null);
    IndicatorValue value = new IndicatorValue(teachers, new SchoolYear(2024));
    assertThatThrownBy(() -> value.record(new BigDecimal("-1"), null, null, NOW, "projet")).satisfies(e -> assertThat(((RuleViolation) e).field()).isEqualTo("amount"));
    assertThatThrownBy(() -> value.record(new BigDecimal("1.005"), null, null, NOW, "projet")).satisfies(e -> assertThat(key(e)).isEqualTo("field.cents"));
  }

  @Test
  void aDerivedIndicatorIsNeverTyped() {
    Grant grant = grant();
    Indicator learners = new Indicator(grant, definition("APP", "Filles;Garçons", null, null), null);
    Indicator girls = new Indicator(grant, definition("FILLES", null, Derivation.SHARE_OF_PART, "Filles"), learners);
    IndicatorValue value = new IndicatorValue(girls, new SchoolYear(2024));
    assertThatThrownBy(() -> value.record(new BigDecimal("22"), null, null, NOW, "projet")).satisfies(e -> assertThat(key(e)).isEqualTo("indicator.derived.notTyped"));
  }

  @Test
  void aShareNamesAPartOfItsSourceBreakdown() {
    Grant grant = grant();
    Indicator learners = new Indicator(grant, definition("APP", "Filles;Garçons", null, null), null);
    assertThatThrownBy(() -> new Indicator(grant, definition("FILLES", null, Derivation.SHARE_OF_PART, "Femmes"), learners))
        .satisfies(e -> assertThat(key(e)).isEqualTo("indicator.derived.partUnknown"));
    assertThatThrownBy(() -> new Indicator(grant, definition("FILLES", null, Derivation.SHARE_OF_PART, "Filles"), null))
        .satisfies(e -> assertThat(key(e)).isEqualTo("indicator.derived.sourceRequired"));
    assertThatThrownBy(() -> new Indicator(grant, definition("APP2", "Filles", null, null), null))
        .satisfies(e -> assertThat(key(e)).isEqualTo("indicator.breakdown.atLeastTwo"));
  }

  @Test
  void derivedFormulas() {
    // Leverage: 2 900 000 of other resources on 1 200 000 of PIA received.
    assertThat(IndicatorFormulas.leverage(new BigDecimal("2900000.00"), new BigDecimal("1200000.00"))).isEqualByComparingTo("2.42");
    assertThat(IndicatorFormulas.leverage(new BigDecimal("2900000.00"), BigDecimal.ZERO)).isNull();
    // Share: 112 girls of 500 learners.
    assertThat(IndicatorFormulas.share(new BigDecimal("500"), new BigDecimal("112"))).isEqualByComparingTo("22.4");
    assertThat(IndicatorFormulas.share(new BigDecimal("500"), null)).isNull();
  }

  @Test
  void targetsArePerSchoolYearAndCanBeRemoved() {
    Indicator learners = new Indicator(grant(), definition("APP", null, null, null), null);
    learners.target(new SchoolYear(2024), new BigDecimal("550"));
    learners.target(new SchoolYear(2024), new BigDecimal("560"));
    assertThat(learners.targetFor(new SchoolYear(2024))).contains(new BigDecimal("560.00"));
    learners.target(new SchoolYear(2024), null);
    assertThat(learners.targetFor(new SchoolYear(2024))).isEmpty();
    assertThatThrownBy(() -> learners.target(new SchoolYear(2025), new BigDecimal("-5"))).isInstanceOf(RuleViolation.class);
  }
}
