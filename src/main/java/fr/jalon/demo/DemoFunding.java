package fr.jalon.demo;

import fr.jalon.grant.CofundingService;
import fr.jalon.grant.FunderKind;
import fr.jalon.grant.FundingNature;
import fr.jalon.grant.GrantService;
import fr.jalon.grant.Organisation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;

/** The demo's funding plan: the PIA, the Region, the partner companies in cash and in kind, own funds. */
@ApplicationScoped
public class DemoFunding {
  @Inject GrantService grants;
  @Inject CofundingService cofunding;

  void load() {
    cofunding.add(grants.grant().beneficiary(), FunderKind.PIA, FundingNature.CASH, new BigDecimal("2000000.00"));
    cofunding.add(organisation("Région Occitanie"), FunderKind.REGION, FundingNature.CASH, new BigDecimal("1500000.00"));
    cofunding.add(organisation("Ratier-Figeac"), FunderKind.COMPANY, FundingNature.CASH, new BigDecimal("300000.00"));
    cofunding.add(organisation("Figeac Aéro"), FunderKind.COMPANY, FundingNature.IN_KIND, new BigDecimal("250000.00"));
    cofunding.add(organisation("Bosch Rodez"), FunderKind.COMPANY, FundingNature.IN_KIND, new BigDecimal("150000.00"));
    cofunding.add(grants.grant().beneficiary(), FunderKind.OWN_FUNDS, FundingNature.CASH, new BigDecimal("700000.00"));
  }

  private Organisation organisation(String namePrefix) {
    return grants.organisations().stream().filter(o -> o.name().startsWith(namePrefix)).findFirst().orElseThrow();
  }
}
