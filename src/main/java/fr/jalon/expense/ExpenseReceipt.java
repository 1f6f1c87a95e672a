package fr.jalon.expense;

import fr.jalon.audit.Audited;
import fr.jalon.platform.StoredFile;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A receipt (invoice, order, payslip) kept by the file store for one expense. */
@Entity
@Table(name = "EXPENSE_RECEIPT")
public class ExpenseReceipt implements Audited {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "EXPENSE_ID", nullable = false, updatable = false)
  private Expense expense;

  @ManyToOne(optional = false)
  @JoinColumn(name = "FILE_ID", nullable = false, updatable = false)
  private StoredFile file;

  @Enumerated(EnumType.STRING)
  @Column(name = "KIND", nullable = false)
  private ReceiptKind kind;

  @Version
  @Column(name = "VERSION")
  private int version;

  protected ExpenseReceipt() {}

  public ExpenseReceipt(Expense expense, StoredFile file, ReceiptKind kind) {
    this.expense = expense;
    this.file = file;
    this.kind = kind == null ? ReceiptKind.INVOICE : kind;
    expense.receiptAttached();
  }

  @Override
  public Object auditKey() {
    return kind + " " + file.originalName();
  }

  public Long id() {
    return id;
  }

  public Expense expense() {
    return expense;
  }

  public StoredFile file() {
    return file;
  }

  public ReceiptKind kind() {
    return kind;
  }
}
