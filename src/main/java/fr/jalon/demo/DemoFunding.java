package fr.jalon.demo;

import fr.jalon.grant.CofundingLine;
import fr.jalon.grant.CofundingService;
import fr.jalon.grant.CopilService;
import fr.jalon.grant.DecisionSubject;
import fr.jalon.grant.FunderKind;
import fr.jalon.grant.FundingNature;
import fr.jalon.grant.GrantService;
import fr.jalon.grant.LegalForm;
import fr.jalon.grant.MeetingSummary;
import fr.jalon.grant.Organisation;
import fr.jalon.grant.TrancheKind;
import fr.jalon.grant.TrancheRow;
import fr.jalon.grant.TrancheService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

/**
 * The demo's funding plan: the PIA, the Region, the partner companies in cash and in kind, own
 * funds; a few receipts; the PIA tranche schedule (advance received in 2020, an interim requested
 * and awaited, interims with spend-ratio conditions, the balance); two COPIL meetings. Fictitious.
 */
@ApplicationScoped
public class DemoFunding {
  @Inject GrantService grants;
  @Inject CofundingService cofunding;
  @Inject TrancheService tranches;
  @Inject CopilService copil;

  void load() {
    cofunding.add(new CofundingService.NewLine(null, new CofundingService.NewFunder("Caisse des Dépôts et Consignations (opérateur du PIA)", null, LegalForm.PUBLIC_BODY, false),
        FunderKind.PIA, FundingNature.CASH, new BigDecimal("2000000.00"), "Convention PIA3-TIP-CMQ-2020-OCC-07", LocalDate.of(2020, 9, 28), "Selon l’échéancier des versements"));
    cofunding.add(new CofundingService.NewLine(organisation("Région Occitanie").id(), null, FunderKind.REGION, FundingNature.CASH, new BigDecimal("1500000.00"),
        "Délibération de la commission permanente CP/2020/11-245", LocalDate.of(2020, 11, 20), "450 000 € en 2021 et en 2023, 600 000 € à la clôture"));
    cofunding.add(organisation("Ratier-Figeac"), FunderKind.COMPANY, FundingNature.CASH, new BigDecimal("300000.00"));
    cofunding.add(organisation("Figeac Aéro"), FunderKind.COMPANY, FundingNature.IN_KIND, new BigDecimal("250000.00"));
    cofunding.add(organisation("Bosch Rodez"), FunderKind.COMPANY, FundingNature.IN_KIND, new BigDecimal("150000.00"));
    cofunding.add(grants.grant().beneficiary(), FunderKind.OWN_FUNDS, FundingNature.CASH, new BigDecimal("700000.00"));

    long region = line("Région Occitanie", FunderKind.REGION);
    cofunding.receive(region, receipt(2021, 2, 15, "450000.00", "Région — titre R-2021-0112"));
    cofunding.receive(region, receipt(2023, 3, 10, "450000.00", "Région — titre R-2023-0387"));
    cofunding.receive(line("Ratier-Figeac", FunderKind.COMPANY), receipt(2021, 6, 30, "100000.00", "Virement Ratier-Figeac 2021"));
    cofunding.receive(line("Figeac Aéro", FunderKind.COMPANY), receipt(2022, 12, 31, "80000.00", "Attestation de mise à disposition de machines 2022"));

    Locale fr = Locale.FRENCH;
    TrancheRow advance = tranches.schedule(tranche(1, TrancheKind.ADVANCE, "600000.00", LocalDate.of(2020, 10, 15), null), fr);
    tranches.request(advance.id(), new TrancheService.TrancheRequest(new BigDecimal("600000.00"), LocalDate.of(2020, 10, 5)), fr);
    tranches.recordReceipt(advance.id(), new TrancheService.TrancheReceipt(new BigDecimal("600000.00"), LocalDate.of(2020, 11, 20), "CDC-VIR-2020-11-0457"), fr);
    TrancheRow second = tranches.schedule(tranche(2, TrancheKind.INTERIM, "400000.00", LocalDate.of(2023, 6, 30), null), fr);
    tranches.request(second.id(), new TrancheService.TrancheRequest(new BigDecimal("400000.00"), LocalDate.of(2023, 6, 15)), fr);
    tranches.schedule(tranche(3, TrancheKind.INTERIM, "400000.00", LocalDate.of(2025, 6, 30), new BigDecimal("40")), fr);
    tranches.schedule(tranche(4, TrancheKind.INTERIM, "400000.00", LocalDate.of(2027, 6, 30), new BigDecimal("60")), fr);
    tranches.schedule(tranche(5, TrancheKind.BALANCE, "200000.00", LocalDate.of(2030, 3, 31), null), fr);

    MeetingSummary first = copil.addMeeting(new CopilService.NewMeeting(LocalDate.of(2021, 1, 21), "COPIL n° 1 — lancement du campus",
        "Proviseur du lycée Champollion, Région Occitanie, Rectorat de Toulouse, Ratier-Figeac, Figeac Aéro, Bosch Rodez, Caisse des Dépôts"));
    copil.decide(first.id(), new CopilService.NewDecision("COPIL-2021-01", DecisionSubject.BUDGET_VERSION, null,
        "Adoption de la maquette budgétaire initiale (version 1).", null));
    copil.decide(first.id(), new CopilService.NewDecision("COPIL-2021-02", DecisionSubject.OTHER, null,
        "Deux réunions du COPIL par an, en janvier et en juin.", null));
    MeetingSummary fifth = copil.addMeeting(new CopilService.NewMeeting(LocalDate.of(2023, 6, 8), "COPIL n° 5 — bilan à mi-parcours",
        "Proviseur du lycée Champollion, Région Occitanie, Rectorat de Toulouse, Ratier-Figeac, Caisse des Dépôts"));
    copil.decide(fifth.id(), new CopilService.NewDecision("COPIL-2023-03", DecisionSubject.TRANCHE_REQUEST, second.id(),
        "Accord pour demander la tranche 2 (acompte de 400 000,00 €).", null));
  }

  private static TrancheService.NewTranche tranche(int number, TrancheKind kind, String amount, LocalDate planned, BigDecimal minSpendRatio) {
    return new TrancheService.NewTranche(number, kind, new BigDecimal(amount), planned, minSpendRatio, null);
  }

  private static CofundingService.NewReceipt receipt(int year, int month, int day, String amount, String reference) {
    return new CofundingService.NewReceipt(LocalDate.of(year, month, day), new BigDecimal(amount), reference);
  }

  private long line(String namePrefix, FunderKind kind) {
    return cofunding.summary().lines().stream()
        .filter(l -> l.kind() == kind && l.funderName().startsWith(namePrefix))
        .map(CofundingLine::id)
        .findFirst()
        .orElseThrow();
  }

  private Organisation organisation(String namePrefix) {
    return grants.organisations().stream().filter(o -> o.name().startsWith(namePrefix)).findFirst().orElseThrow();
  }
}
