package fr.jalon.bench.generator;

import fr.jalon.grant.GrantChange;
import fr.jalon.grant.GrantRules;
import fr.jalon.grant.LegalForm;
import fr.jalon.grant.Organisation;
import fr.jalon.grant.ParameterValues;
import fr.jalon.platform.RuleViolation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The grant, its beneficiary and its first parameter set. The seed picks names, dates and amounts;
 * the shape is fixed (a ten-year grant, the default parameters) so that two seeds cost the same
 * to serve and only N changes the volume.
 */
public final class GrantGenerator implements DataGenerator {
  static final String PROGRAMME = "PIA 3 · Territoires d'innovation pédagogique · Campus des métiers et des qualifications";
  static final String OPERATOR = "Caisse des Dépôts et Consignations";
  static final String MINISTRY = "Ministère de l'Éducation nationale et de la Jeunesse";
  static final int YEARS = 10;

  record Region(String name, String code, List<String> towns) {}

  static final List<Region> REGIONS =
      List.of(
          new Region("Occitanie", "OCC", List.of("Figeac", "Rodez", "Cahors", "Albi", "Decazeville", "Millau")),
          new Region("Nouvelle-Aquitaine", "NAQ", List.of("Rochefort", "Tulle", "Mont-de-Marsan", "Périgueux")),
          new Region("Auvergne-Rhône-Alpes", "ARA", List.of("Oyonnax", "Roanne", "Cluses", "Montluçon")),
          new Region("Grand Est", "GES", List.of("Charleville-Mézières", "Saint-Dié-des-Vosges", "Sarreguemines")),
          new Region("Hauts-de-France", "HDF", List.of("Maubeuge", "Valenciennes", "Béthune")),
          new Region("Normandie", "NOR", List.of("Vernon", "Alençon", "Saint-Lô")),
          new Region("Pays de la Loire", "PDL", List.of("Cholet", "Saint-Nazaire", "Laval")),
          new Region("Bretagne", "BRE", List.of("Lorient", "Lannion", "Fougères")));

  static final List<String> THEMES =
      List.of(
          "Industrie du Futur",
          "Aéronautique et spatial",
          "Transition énergétique et bâtiment durable",
          "Mécanique et usinage de précision",
          "Numérique et cybersécurité",
          "Plasturgie et composites",
          "Agroalimentaire et bioéconomie",
          "Maintenance industrielle et robotique");

  static final List<String> PATRONS =
      List.of("Marie Curie", "Jean Jaurès", "Louise Michel", "Pierre Mendès France", "Simone Veil", "Gustave Eiffel",
          "Hélène Boucher", "Clément Ader", "Irène Joliot-Curie", "Jules Ferry", "Olympe de Gouges", "Léonard de Vinci");

  @Override
  public String name() {
    return "grant";
  }

  @Override
  public void generate(Generation g) throws SQLException {
    Random random = g.random();
    Region region = Pick.one(random, REGIONS);
    String town = Pick.one(random, region.towns());
    String theme = Pick.one(random, THEMES);

    LegalForm form = random.nextInt(10) < 7 ? LegalForm.EPLE : LegalForm.GIP;
    String kind = form == LegalForm.EPLE ? "Lycée polyvalent " + Pick.one(random, PATRONS) + " de " + town : "GIP Formation continue et insertion professionnelle de " + town;
    // Constructed for its checks (name, SIRET); the row is written with JDBC below.
    Organisation beneficiary =
        new Organisation(kind + " (porteur du CMQ " + theme + ")", Sirets.random(random, true), form, form == LegalForm.GIP && random.nextBoolean());

    int startYear = Pick.between(random, 2019, 2022);
    LocalDate eligibilityStart = LocalDate.of(startYear, 9, 1);
    LocalDate signatureDate = eligibilityStart.plusDays(Pick.between(random, -30, 45));
    LocalDate endDate = LocalDate.of(startYear + YEARS - 1, 12, 31);
    BigDecimal maxPia = BigDecimal.valueOf(Pick.between(random, 1_000, 3_000) * 1_000L).setScale(2);
    // Aid rate between 35 % and 50 %: the eligible budget follows, rounded up to the thousand.
    BigDecimal aidRate = BigDecimal.valueOf(Pick.between(random, 35, 50));
    BigDecimal eligibleBudget =
        maxPia.multiply(GrantRules.HUNDRED).divide(aidRate.multiply(BigDecimal.valueOf(1_000)), 0, RoundingMode.CEILING)
            .multiply(BigDecimal.valueOf(1_000)).setScale(2);
    ParameterValues parameters = ParameterValues.defaults();

    String reference = "PIA3-TIP-CMQ-" + startYear + "-" + region.code() + "-" + String.format("%02d", Pick.between(random, 1, 40));
    GrantChange terms =
        new GrantChange(reference, "Campus des Métiers et des Qualifications d'Excellence " + theme + " — " + town + " (" + region.name() + ")",
            PROGRAMME, OPERATOR, MINISTRY, signatureDate, eligibilityStart, endDate, maxPia, eligibleBudget, parameters, null);
    // The same rules the administrator's form passes: generated data is data Jalon would accept.
    RuleViolation.throwIfAny(GrantRules.check(terms));

    long beneficiaryId = g.insert("ORGANISATION", organisationRow(beneficiary));
    Map<String, Object> grant = new LinkedHashMap<>();
    grant.put("REFERENCE", terms.reference());
    grant.put("TITLE", terms.title());
    grant.put("PROGRAMME", terms.programme());
    grant.put("OPERATOR_NAME", terms.operatorName());
    grant.put("MINISTRY", terms.ministry());
    grant.put("BENEFICIARY_ID", beneficiaryId);
    grant.put("SIGNATURE_DATE", signatureDate);
    grant.put("ELIGIBILITY_START", eligibilityStart);
    grant.put("END_DATE", endDate);
    grant.put("MAX_PIA_AMOUNT", maxPia);
    grant.put("ELIGIBLE_BUDGET", eligibleBudget);
    long grantId = g.insert("GRANT_AGREEMENT", grant);
    g.insert("GRANT_PARAMETERS", parameterRow(grantId, eligibilityStart, parameters));

    g.publish(new GrantFacts(grantId, beneficiaryId, reference, region.name(), town, signatureDate, eligibilityStart, endDate, maxPia, eligibleBudget, parameters));
  }

  static Map<String, Object> organisationRow(Organisation o) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("NAME", o.name());
    row.put("SIREN", o.siren());
    row.put("SIRET", o.siret());
    row.put("LEGAL_FORM", o.legalForm());
    row.put("RECOVERS_VAT", o.recoversVat());
    return row;
  }

  private static Map<String, Object> parameterRow(long grantId, LocalDate from, ParameterValues p) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("GRANT_ID", grantId);
    row.put("EFFECTIVE_FROM", from);
    row.put("MAX_PIA_RATE", p.maxPiaRate());
    row.put("MAX_PUBLIC_AID_RATE", p.maxPublicAidRate());
    row.put("MIN_COFUNDING_RATIO", p.minCofundingRatio());
    row.put("ADVANCE_CAP", p.advanceCap());
    row.put("INTERIM_CAP", p.interimCap());
    row.put("INTERIM_CAP_LONG", p.interimCapLong());
    row.put("LONG_GRANT_MONTHS", p.longGrantMonths());
    row.put("FUNGIBILITY_THRESHOLD", p.fungibilityThreshold());
    row.put("FLAT_RATE_OVERHEADS", p.flatRateOverheads());
    row.put("STATUTORY_STAFF_ELIGIBLE", p.statutoryStaffEligible());
    row.put("PROCUREMENT_THRESHOLD", p.procurementThreshold());
    row.put("SEPARATE_PAYMENT_ORDER", p.separatePaymentOrder());
    row.put("FINAL_PAYMENT_GRACE_DAYS", p.finalPaymentGraceDays());
    row.put("REPORT_DUE_DAYS", p.reportDueDays());
    row.put("REPORTING_PERIOD", p.reportingPeriod());
    return row;
  }
}
