package fr.jalon.reporting;

import fr.jalon.grant.CofundingLine;
import fr.jalon.grant.CofundingService;
import fr.jalon.grant.CofundingSummary;
import fr.jalon.grant.FundingNature;
import fr.jalon.platform.Messages;
import fr.jalon.platform.Money;
import fr.jalon.platform.ReportEngine;
import fr.jalon.platform.Xlsx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;

/**
 * État des cofinancements, PDF (design {@code reports/cofunding.jrxml}) and XLSX: per funder
 * committed / received / in kind / still expected with their totals, then rule 8's checks — the
 * co-funding ratio on committed and on received money against the grant's minimum, the PIA aid
 * rate against its maximum and the public aid against its cap. Every figure is the
 * {@link CofundingSummary} the funding page shows, as it stands when the report is generated.
 */
@ApplicationScoped
public class CofundingReportGenerator implements ReportGenerator {
  public static final String DESIGN = "cofunding";

  @Inject CofundingService cofunding;
  @Inject ReportEngine engine;
  @Inject Clock clock;

  @Override
  public boolean handles(ReportType type) {
    return type == ReportType.COFUNDING;
  }

  @Override
  public Generated generate(Report report, Path folder, Locale locale) {
    CofundingSummary s = cofunding.summary();
    Map<ReportFormat, Path> files = new EnumMap<>(ReportFormat.class);
    try {
      files.put(ReportFormat.PDF, ReportTable.write(folder, "cofinancements-", "pdf", out -> pdf(report, s, locale, out)));
      files.put(ReportFormat.XLSX, ReportTable.write(folder, "cofinancements-", "xlsx", out -> xlsx(s, locale, out)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Generated(s.lines().size(), s.totalCommitted(), files);
  }

  static BigDecimal inKind(CofundingLine l) {
    return l.nature() == FundingNature.IN_KIND ? l.committed() : BigDecimal.ZERO.setScale(2);
  }

  List<Map<String, ?>> rows(CofundingSummary s, Locale l) {
    ReportTable t = new ReportTable();
    t.section(Messages.get(l, "cofunding.report.funders"), List.of(Messages.get(l, "cofunding.report.columns").split("\\|")));
    for (CofundingLine line : s.lines()) {
      t.row(line.funderName(), List.of(Messages.get(l, "funderKind." + line.kind().name()), Messages.get(l, "fundingNature." + line.nature().name()),
          Money.format(line.committed(), l), Money.format(line.received(), l), Money.format(inKind(line), l), Money.format(line.expected(), l)),
          line.committed().signum() == 0 ? null : line.received().doubleValue() / line.committed().doubleValue());
    }
    t.row(Messages.get(l, "cofunding.report.total"), List.of("", "", Money.format(s.totalCommitted(), l), Money.format(s.totalReceived(), l),
        Money.format(s.inKindCommitted(), l), Money.format(s.totalExpected(), l)));
    t.row(Messages.get(l, "cofunding.report.nonPia"), List.of("", "", Money.format(s.nonPiaCommitted(), l), Money.format(s.nonPiaReceived(), l),
        Money.format(s.inKindCommitted(), l), ""));
    List<String> checkColumns = List.of(Messages.get(l, "cofunding.report.checkColumns").split("\\|"));
    t.section(Messages.get(l, "cofunding.report.checks"), checkColumns);
    t.row(Messages.get(l, "cofunding.plannedEligibleCost"), List.of(Money.format(s.plannedEligibleCost(), l), "", ""));
    t.row(Messages.get(l, "cofunding.ratio.committed"), List.of(Money.percent(s.cofundingRatioCommitted(), l), Messages.get(l, "cofunding.report.minimum", Money.percent(s.minCofundingRatio(), l)),
        verdict(s.cofundingRatioCommittedOk(), l)));
    t.row(Messages.get(l, "cofunding.ratio.received"), List.of(Money.percent(s.cofundingRatioReceived(), l), Messages.get(l, "cofunding.report.minimum", Money.percent(s.minCofundingRatio(), l)),
        verdict(s.cofundingRatioReceivedOk(), l)));
    t.row(Messages.get(l, "cofunding.aidRate"), List.of(Money.percent(s.aidRate(), l), Messages.get(l, "cofunding.report.maximum", Money.percent(s.maxPiaRate(), l)),
        verdict(s.aidRateOk(), l)));
    t.row(Messages.get(l, "cofunding.publicAid"), List.of(Money.format(s.publicAidCommitted(), l), Messages.get(l, "cofunding.report.ceiling", Money.format(s.publicAidCeiling(), l),
        Money.percent(s.maxPublicAidRate(), l)), verdict(s.publicAidOk(), l)));
    List<String> warnings = new ArrayList<>();
    if (!s.cofundingRatioCommittedOk()) warnings.add(Messages.get(l, "cofunding.ratio.low", Money.percent(s.cofundingRatioCommitted(), l), Money.percent(s.minCofundingRatio(), l)));
    if (!s.cofundingRatioReceivedOk()) warnings.add(Messages.get(l, "cofunding.ratio.received.low", Money.percent(s.cofundingRatioReceived(), l), Money.percent(s.minCofundingRatio(), l)));
    if (!s.aidRateOk()) warnings.add(Messages.get(l, "cofunding.aidRate.high", Money.percent(s.aidRate(), l), Money.percent(s.maxPiaRate(), l)));
    if (!s.publicAidOk()) warnings.add(Messages.get(l, "cofunding.publicAid.high", Money.format(s.publicAidCommitted(), l), Money.format(s.publicAidCeiling(), l)));
    t.section(Messages.get(l, "cofunding.report.warnings"), List.of());
    if (warnings.isEmpty()) {
      t.row(Messages.get(l, "cofunding.report.noWarning"), List.of());
    }
    warnings.forEach(w -> t.text("", "⚠ " + w));
    return t.rows();
  }

  private static String verdict(boolean ok, Locale l) {
    return Messages.get(l, ok ? "cofunding.ok" : "cofunding.warning");
  }

  void pdf(Report report, CofundingSummary s, Locale l, OutputStream out) {
    Map<String, Object> p = ReportTable.heading(report, Messages.get(l, "cofunding.report.title"), LocalDate.now(clock), l);
    p.put("figure1Label", Messages.get(l, "cofunding.report.committed"));
    p.put("figure1", Money.format(s.totalCommitted(), l));
    p.put("figure2Label", Messages.get(l, "cofunding.report.received"));
    p.put("figure2", Money.format(s.totalReceived(), l));
    p.put("figure3Label", Messages.get(l, "cofunding.ratio.committed"));
    p.put("figure3", Messages.get(l, "cofunding.ratio.value", Money.percent(s.cofundingRatioCommitted(), l), Money.percent(s.minCofundingRatio(), l)));
    p.put("figure4Label", Messages.get(l, "cofunding.ratio.received"));
    p.put("figure4", Messages.get(l, "cofunding.ratio.value", Money.percent(s.cofundingRatioReceived(), l), Money.percent(s.minCofundingRatio(), l)));
    try {
      engine.pdf(List.of(engine.fill(DESIGN, p, new JRMapCollectionDataSource(rows(s, l)), l)), out);
    } catch (JRException e) {
      throw new IllegalStateException("État des cofinancements : " + e.getMessage(), e);
    }
  }

  void xlsx(CofundingSummary s, Locale l, OutputStream out) throws IOException {
    try (Xlsx book = new Xlsx(out)) {
      book.sheet(Messages.get(l, "cofunding.report.funders"));
      List<String> header = new ArrayList<>(List.of(Messages.get(l, "cofunding.report.funder")));
      header.addAll(List.of(Messages.get(l, "cofunding.report.columns").split("\\|")));
      book.row(header, true);
      for (CofundingLine line : s.lines()) {
        book.row(List.of(line.funderName(), Messages.get(l, "funderKind." + line.kind().name()), Messages.get(l, "fundingNature." + line.nature().name()),
            line.committed(), line.received(), inKind(line), line.expected()), false);
      }
      book.sheet(Messages.get(l, "cofunding.report.checks"));
      book.row(List.of(Messages.get(l, "cofunding.report.xlsx.checksHeader").split("\\|")), true);
      book.row(List.of(Messages.get(l, "cofunding.plannedEligibleCost"), s.plannedEligibleCost(), "", ""), false);
      book.row(List.of(Messages.get(l, "cofunding.ratio.committed"), s.cofundingRatioCommitted(), s.minCofundingRatio(), verdict(s.cofundingRatioCommittedOk(), l)), false);
      book.row(List.of(Messages.get(l, "cofunding.ratio.received"), s.cofundingRatioReceived(), s.minCofundingRatio(), verdict(s.cofundingRatioReceivedOk(), l)), false);
      book.row(List.of(Messages.get(l, "cofunding.aidRate"), s.aidRate(), s.maxPiaRate(), verdict(s.aidRateOk(), l)), false);
      book.row(List.of(Messages.get(l, "cofunding.publicAid"), s.publicAidCommitted(), s.publicAidCeiling(), verdict(s.publicAidOk(), l)), false);
    }
  }
}
