package fr.jalon.demo;

import fr.jalon.indicator.Derivation;
import fr.jalon.indicator.IndicatorDefinition;
import fr.jalon.indicator.IndicatorDetail;
import fr.jalon.indicator.IndicatorKind;
import fr.jalon.indicator.IndicatorService;
import fr.jalon.indicator.NewIndicatorValue;
import fr.jalon.indicator.SchoolYear;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The indicators a CMQ reports on, with targets for every school year of the grant and values for
 * those already over. Figures are fictitious but move the way such figures do.
 */
@ApplicationScoped
public class DemoIndicators {
  @Inject IndicatorService indicators;

  void load() {
    List<SchoolYear> years = indicators.schoolYears();
    SchoolYear current = indicators.currentSchoolYear();

    IndicatorDetail learners = define("APP", "Apprenants inscrits dans les formations du campus", "apprenants", IndicatorKind.OUTPUT, "410", "Filles;Garçons", null, null, null);
    targets(learners, years, n -> 430 + 30 * n);
    valuesWithGirls(learners, years, current, n -> 418 + 27 * n + (n % 2 == 0 ? 6 : -4), n -> 14 + n);

    IndicatorDetail apprentices = define("ALT", "Apprentis (contrats d’apprentissage en cours)", "apprentis", IndicatorKind.RESULT, "95", null, null, null, null);
    targets(apprentices, years, n -> 110 + 12 * n);
    values(apprentices, years, current, n -> 104 + 11 * n - (n == 3 ? 9 : 0));

    IndicatorDetail programmes = define("FORM", "Nouvelles formations ouvertes (cumul)", "formations", IndicatorKind.OUTPUT, "0", null, null, null, null);
    targets(programmes, years, n -> Math.min(2 + 2 * n, 14));
    values(programmes, years, current, n -> Math.min(1 + 2 * n, 14));

    IndicatorDetail teachers = define("ENS", "Enseignants et formateurs formés à l’industrie 4.0", "personnes", IndicatorKind.OUTPUT, "0", null, null, null, null);
    targets(teachers, years, n -> 25);
    values(teachers, years, current, n -> 18 + 3 * (n % 4));

    IndicatorDetail companies = define("ENT", "Entreprises partenaires (conventions actives)", "entreprises", IndicatorKind.RESULT, "12", null, null, null, null);
    targets(companies, years, n -> 15 + 3 * n);
    values(companies, years, current, n -> 14 + 3 * n + (n > 4 ? 1 : 0));

    IndicatorDetail girls = define("FILLES", "Part des filles parmi les apprenants", "%", IndicatorKind.RESULT, "13.5", null, Derivation.SHARE_OF_PART, learners.id(), "Filles");
    targets(girls, years, n -> 15 + n);

    IndicatorDetail pupils = define("COLL", "Collégiens touchés par les actions de promotion des métiers", "élèves", IndicatorKind.OUTPUT, "0", null, null, null, null);
    targets(pupils, years, n -> 600 + 100 * Math.min(n, 5));
    values(pupils, years, current, n -> n == 0 ? 240 : 560 + 95 * n);

    IndicatorDetail employment = define("EMP6", "Taux d’emploi à 6 mois des diplômés", "%", IndicatorKind.IMPACT, "71", null, null, null, null);
    targets(employment, years, n -> 75 + Math.min(n, 10));
    values(employment, years, current, n -> 72 + n + (n == 1 ? -3 : 0));

    IndicatorDetail leverage = define("LEV", "Effet de levier des cofinancements", "ratio", IndicatorKind.RESULT, null, null, Derivation.COFUNDING_LEVERAGE, null, null);
    Map<Integer, BigDecimal> leverageTargets = new LinkedHashMap<>();
    years.forEach(y -> leverageTargets.put(y.startYear(), new BigDecimal("1.50")));
    indicators.setTargets(leverage.id(), leverageTargets);
  }

  private IndicatorDetail define(String code, String label, String unit, IndicatorKind kind, String baseline, String parts, Derivation derivation, Long source, String part) {
    return indicators.define(new IndicatorDefinition(code, label, unit, kind, baseline == null ? null : new BigDecimal(baseline), parts, derivation, source, part, null));
  }

  private void targets(IndicatorDetail indicator, List<SchoolYear> years, IntFunction<Integer> target) {
    Map<Integer, BigDecimal> byYear = new LinkedHashMap<>();
    for (int n = 0; n < years.size(); n++) {
      byYear.put(years.get(n).startYear(), BigDecimal.valueOf(target.apply(n)));
    }
    indicators.setTargets(indicator.id(), byYear);
  }

  /** Values for every school year that is over (the current one is still being counted). */
  private void values(IndicatorDetail indicator, List<SchoolYear> years, SchoolYear current, IntFunction<Integer> value) {
    for (int n = 0; n < years.size() && years.get(n).compareTo(current) < 0; n++) {
      indicators.recordValue(indicator.id(), new NewIndicatorValue(years.get(n).startYear(), BigDecimal.valueOf(value.apply(n)), null, null));
    }
  }

  private void valuesWithGirls(IndicatorDetail indicator, List<SchoolYear> years, SchoolYear current, IntFunction<Integer> total, IntFunction<Integer> girlsPercent) {
    for (int n = 0; n < years.size() && years.get(n).compareTo(current) < 0; n++) {
      int all = total.apply(n);
      int girls = all * girlsPercent.apply(n) / 100;
      Map<String, BigDecimal> parts = new LinkedHashMap<>();
      parts.put("Filles", BigDecimal.valueOf(girls));
      parts.put("Garçons", BigDecimal.valueOf(all - girls));
      indicators.recordValue(indicator.id(), new NewIndicatorValue(years.get(n).startYear(), BigDecimal.valueOf(all), parts, null));
    }
  }
}
