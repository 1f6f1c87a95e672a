package fr.jalon.reporting;

import fr.jalon.grant.Grant;
import fr.jalon.grant.TrancheKind;
import fr.jalon.grant.TrancheOverview;
import fr.jalon.grant.TrancheRow;
import fr.jalon.grant.TrancheService;
import fr.jalon.milestone.MilestoneRecords;
import fr.jalon.milestone.MilestoneService;
import fr.jalon.milestone.MilestoneStatus;
import fr.jalon.platform.Dates;
import fr.jalon.platform.Messages;
import fr.jalon.platform.Money;
import fr.jalon.platform.NotFoundException;
import fr.jalon.platform.ReportEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;

/**
 * The tranche request pack (Demande de versement), one PDF: a cover page (grant, tranche, amount
 * requested, PIA received so far, and for the balance the computed balance or the amount to
 * repay), the state of each release condition, the latest expense statement, and a one-page
 * progress summary (milestones reached and late, key figures).
 */
@ApplicationScoped
public class TrancheRequestGenerator implements ReportGenerator {
  public static final String DESIGN = "tranche-request";
  static final int LATE_LISTED = 12;

  @PersistenceContext EntityManager em;
  @Inject TrancheService tranches;
  @Inject MilestoneService milestones;
  @Inject ErdGenerator erd;
  @Inject ReportEngine engine;
  @Inject Clock clock;

  @Override
  public boolean handles(ReportType type) {
    return type == ReportType.TRANCHE_REQUEST;
  }

  @Override
  public Generated generate(Report report, Path folder, Locale locale) {
    TrancheOverview overview = tranches.overview(locale);
    TrancheRow tranche = overview.tranches().stream().filter(t -> t.id().equals(report.trancheId())).findFirst()
        .orElseThrow(() -> new NotFoundException(Messages.get("tranche.notFound", report.trancheId())));
    Optional<Report> statement = latestStatement(report.grant(), tranche.kind() == TrancheKind.BALANCE);
    net.sf.jasperreports.engine.fill.JRSwapFileVirtualizer virtualizer = ErdGenerator.virtualizer(folder);
    try {
      List<JasperPrint> prints = new ArrayList<>();
      prints.add(engine.fill(DESIGN, cover(report.grant(), tranche, overview, locale), new JRMapCollectionDataSource(conditions(tranche, statement, locale)), locale));
      if (statement.isPresent()) {
        prints.addAll(erd.prints(statement.get(), locale, virtualizer));
      }
      prints.add(engine.fill(DESIGN, progressHeading(report.grant(), tranche, locale), new JRMapCollectionDataSource(progress(overview, locale)), locale));
      Path pdf = Files.createTempFile(folder, "demande-", ".pdf");
      try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(pdf))) {
        engine.pdf(prints, out);
      }
      return new Generated(statement.map(Report::lineCount).orElse(0), statement.map(Report::totalEligible).orElse(BigDecimal.ZERO.setScale(2)),
          Map.of(ReportFormat.PDF, pdf));
    } catch (JRException e) {
      throw new IllegalStateException("Demande de versement : " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      virtualizer.cleanup();
    }
  }

  /** The statement the pack carries: the latest ERD not sent back (the final one for the balance when there is one). */
  Optional<Report> latestStatement(Grant grant, boolean balance) {
    List<ReportType> wanted = balance ? List.of(ReportType.FINAL_ERD, ReportType.ERD) : List.of(ReportType.ERD, ReportType.FINAL_ERD);
    for (ReportType type : wanted) {
      Optional<Report> found = em.createQuery("SELECT r FROM Report r WHERE r.grant = :g AND r.type = :t AND r.status <> :corrected ORDER BY r.periodTo DESC, r.reportVersion DESC",
              Report.class)
          .setParameter("g", grant).setParameter("t", type).setParameter("corrected", ReportStatus.TO_CORRECT).setMaxResults(1).getResultStream().findFirst();
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private Map<String, Object> heading(Grant grant, String title, TrancheRow t, Locale l) {
    Map<String, Object> p = new HashMap<>();
    p.put("title", title);
    p.put("grantLine", grant.reference() + " — " + grant.title());
    p.put("beneficiary", grant.beneficiary().name());
    p.put("trancheLine", Messages.get(l, "pack.tranche", t.number(), Messages.get(l, "tranche.kind." + t.kind().name()), Money.format(t.plannedAmount(), l)));
    p.put("generatedOn", Dates.format(LocalDate.now(clock), l));
    return p;
  }

  Map<String, Object> cover(Grant grant, TrancheRow t, TrancheOverview o, Locale l) {
    Map<String, Object> p = heading(grant, Messages.get(l, "pack.title"), t, l);
    BigDecimal requested = t.requestedAmount() != null ? t.requestedAmount() : t.plannedAmount();
    p.put("figure1Label", Messages.get(l, "pack.requested"));
    p.put("figure1", Money.format(requested, l));
    p.put("figure2Label", Messages.get(l, "pack.received"));
    p.put("figure2", Money.format(o.piaReceived(), l));
    if (t.kind() == TrancheKind.BALANCE) {
      boolean repay = o.balance().signum() < 0;
      p.put("figure3Label", Messages.get(l, repay ? "pack.repay" : "pack.balance"));
      p.put("figure3", Money.format(o.balance().abs(), l));
    } else {
      p.put("figure3Label", Messages.get(l, "pack.due"));
      p.put("figure3", Money.format(o.piaDue(), l));
    }
    return p;
  }

  static List<Map<String, ?>> conditions(TrancheRow t, Optional<Report> statement, Locale l) {
    List<Map<String, ?>> rows = new ArrayList<>();
    String section = Messages.get(l, "pack.conditions");
    for (TrancheRow.Check c : t.checks()) {
      rows.add(row(section, c.text(), Messages.get(l, c.met() ? "pack.met" : "pack.notMet")));
    }
    if (t.checks().isEmpty()) {
      rows.add(row(section, Messages.get(l, "pack.noCondition"), ""));
    }
    String erdSection = Messages.get(l, "pack.statement");
    rows.add(statement.isPresent()
        ? row(erdSection, Messages.get(l, "pack.statement.line", Dates.format(statement.get().periodFrom(), l), Dates.format(statement.get().periodTo(), l),
            statement.get().reportVersion(), Messages.get(l, "report.status." + statement.get().status().name())), Money.format(statement.get().totalEligible(), l))
        : row(erdSection, Messages.get(l, "pack.statement.none"), ""));
    return rows;
  }

  Map<String, Object> progressHeading(Grant grant, TrancheRow t, Locale l) {
    return heading(grant, Messages.get(l, "pack.progress"), t, l);
  }

  List<Map<String, ?>> progress(TrancheOverview o, Locale l) {
    List<MilestoneRecords.MilestoneRow> all = milestones.all();
    long reached = all.stream().filter(m -> m.status() == MilestoneStatus.REACHED || m.status() == MilestoneStatus.VALIDATED).count();
    long validated = all.stream().filter(m -> m.status() == MilestoneStatus.VALIDATED).count();
    List<MilestoneRecords.MilestoneRow> late = all.stream().filter(MilestoneRecords.MilestoneRow::late).toList();
    List<Map<String, ?>> rows = new ArrayList<>();
    String figures = Messages.get(l, "pack.figures");
    rows.add(row(figures, Messages.get(l, "pack.plannedCost"), Money.format(o.plannedEligibleCost(), l)));
    rows.add(row(figures, Messages.get(l, "pack.paidCost"), Money.format(o.paidEligibleCost(), l)));
    rows.add(row(figures, Messages.get(l, "pack.spendRatio"), Money.percent(o.spendRatio(), l)));
    rows.add(row(figures, Messages.get(l, "pack.received"), Money.format(o.piaReceived(), l)));
    String ms = Messages.get(l, "pack.milestones");
    rows.add(row(ms, Messages.get(l, "pack.milestones.total"), String.valueOf(all.size())));
    rows.add(row(ms, Messages.get(l, "pack.milestones.reached"), String.valueOf(reached)));
    rows.add(row(ms, Messages.get(l, "pack.milestones.validated"), String.valueOf(validated)));
    rows.add(row(ms, Messages.get(l, "pack.milestones.late"), String.valueOf(late.size())));
    String lateSection = Messages.get(l, "pack.late");
    for (MilestoneRecords.MilestoneRow m : late.stream().limit(LATE_LISTED).toList()) {
      rows.add(row(lateSection, m.code() + " — " + m.title(), Messages.get(l, "pack.late.baseline", Dates.format(m.baselineDate(), l))));
    }
    return rows;
  }

  private static Map<String, ?> row(String section, String label, String value) {
    Map<String, Object> r = new HashMap<>();
    r.put("section", section);
    r.put("label", label);
    r.put("value", value);
    return r;
  }
}
