package fr.jalon.bench.generator;

import fr.jalon.grant.LegalForm;
import fr.jalon.grant.Organisation;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The partner organisations around the grant: its region, companies, a university institute, an
 * association. Co-funding lines and suppliers arrive with their own issues and steps.
 */
public final class PartnerGenerator implements DataGenerator {
  static final List<String> TRADES =
      List.of("Mécanique", "Usinage", "Aéro Composites", "Robotique", "Fonderie", "Découpe Laser", "Tôlerie", "Électronique",
          "Traitements de Surface", "Outillage", "Automatismes", "Plasturgie");
  static final List<String> COMPANY_FORMS = List.of("SAS", "SA", "SARL");

  @Override
  public String name() {
    return "partners";
  }

  @Override
  public void generate(Generation g) throws SQLException {
    Random random = g.random();
    GrantFacts grant = g.fact(GrantFacts.class);
    List<Organisation> partners = new ArrayList<>();
    partners.add(new Organisation("Région " + grant.region(), Sirets.random(random, true), LegalForm.LOCAL_AUTHORITY, false));
    // Distinct names: the same trade twice in one town would read as the same company.
    Set<String> companies = new LinkedHashSet<>();
    int wanted = Pick.between(random, 4, 8);
    while (companies.size() < wanted) {
      companies.add(Pick.one(random, TRADES) + " " + grant.town() + " " + Pick.one(random, COMPANY_FORMS));
    }
    for (String company : companies) {
      partners.add(new Organisation(company, Sirets.random(random, false), LegalForm.COMPANY, true));
    }
    partners.add(new Organisation("IUT de " + grant.town(), Sirets.random(random, true), LegalForm.PUBLIC_BODY, false));
    partners.add(new Organisation("Association des industriels de " + grant.town(), Sirets.random(random, false), LegalForm.ASSOCIATION, false));
    for (Organisation partner : partners) {
      g.insert("ORGANISATION", GrantGenerator.organisationRow(partner));
    }
  }
}
