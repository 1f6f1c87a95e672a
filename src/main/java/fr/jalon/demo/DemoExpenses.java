package fr.jalon.demo;

import fr.jalon.expense.ExpenseGenerator;
import fr.jalon.grant.GrantService;
import fr.jalon.platform.FileKind;
import fr.jalon.platform.FileStore;
import fr.jalon.platform.StoredFile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The demo's expenses: a few thousand lines since the start of eligibility, at every stage, most
 * with a receipt (one sample invoice PDF shared by the lines), some imported. Paid eligible cost
 * stays at 30 % of the planned cost at most, so the third tranche's spend condition is not yet met.
 */
@ApplicationScoped
public class DemoExpenses {
  private static final Logger LOG = Logger.getLogger(DemoExpenses.class.getName());
  static final int COUNT = 2500;

  @Inject GrantService grants;
  @Inject FileStore files;
  @Inject Clock clock;
  @PersistenceContext EntityManager em;

  public void load() {
    long started = System.nanoTime();
    StoredFile receipt = files.store(new ByteArrayInputStream(samplePdf()), "facture-exemple.pdf", Set.of(FileKind.PDF), "receipt", "système");
    ExpenseGenerator.Result r = ExpenseGenerator.generate(em, grants.grant(), receipt, LocalDate.now(clock), COUNT, new BigDecimal("1500000.00"), 20200901L);
    LOG.info(() -> String.format("Dépenses de démonstration : %d lignes (%d avec justificatif) en %d ms.", r.expenses(), r.withReceipt(),
        (System.nanoTime() - started) / 1_000_000));
  }

  /** A one-page PDF that says it is a sample invoice. */
  static byte[] samplePdf() {
    String text = "BT /F1 18 Tf 72 720 Td (Facture - exemple de justificatif de demonstration) Tj ET";
    String[] objects = {
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        "<< /Length " + text.length() + " >>\nstream\n" + text + "\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
    StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
    int[] offsets = new int[objects.length];
    for (int i = 0; i < objects.length; i++) {
      offsets[i] = pdf.length();
      pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
    }
    int xref = pdf.length();
    pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
    for (int offset : offsets) {
      pdf.append(String.format("%010d 00000 n \n", offset));
    }
    pdf.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
    return pdf.toString().getBytes(StandardCharsets.US_ASCII);
  }
}
