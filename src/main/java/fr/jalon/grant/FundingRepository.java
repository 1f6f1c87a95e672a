package fr.jalon.grant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The funding plan's and the tranches' queries. Money received is added up by the database (one
 * SUM per line), never by loading receipts.
 */
@ApplicationScoped
public class FundingRepository {
  @PersistenceContext EntityManager em;

  FundingRepository() {}

  /** For tests outside the container. */
  public FundingRepository(EntityManager em) {
    this.em = em;
  }

  public List<Cofunding> lines(Grant grant) {
    return em.createQuery("SELECT c FROM Cofunding c JOIN FETCH c.funder WHERE c.grant = :grant ORDER BY c.sortOrder, c.id", Cofunding.class)
        .setParameter("grant", grant)
        .getResultList();
  }

  /** Each line with its figures; the PIA line's received money is the tranches'. */
  public List<CofundingLine> lineFigures(Grant grant) {
    Map<Long, BigDecimal> received = em.createQuery(
            "SELECT NEW fr.jalon.grant.ReceivedOnLine(r.cofunding.id, SUM(r.amount)) FROM CofundingReceipt r WHERE r.cofunding.grant = :grant GROUP BY r.cofunding.id",
            ReceivedOnLine.class)
        .setParameter("grant", grant)
        .getResultStream()
        .collect(Collectors.toMap(ReceivedOnLine::cofundingId, ReceivedOnLine::received));
    BigDecimal pia = piaReceived(grant);
    return lines(grant).stream().map(c -> CofundingLine.of(c, c.kind() == FunderKind.PIA ? pia : received.get(c.id()))).toList();
  }

  /** The sum of one line's receipts (zero without any). */
  public BigDecimal receivedOn(Cofunding line) {
    if (line.kind() == FunderKind.PIA) {
      return piaReceived(line.grant());
    }
    BigDecimal sum = em.createQuery("SELECT SUM(r.amount) FROM CofundingReceipt r WHERE r.cofunding = :line", BigDecimal.class).setParameter("line", line).getSingleResult();
    return sum == null ? BigDecimal.ZERO.setScale(2) : sum.setScale(2);
  }

  public List<CofundingReceiptRow> receipts(Cofunding line) {
    return em.createQuery(
            "SELECT NEW fr.jalon.grant.CofundingReceiptRow(r.id, r.cofunding.id, r.receivedOn, r.amount, r.reference) FROM CofundingReceipt r WHERE r.cofunding = :line ORDER BY r.receivedOn, r.id",
            CofundingReceiptRow.class)
        .setParameter("line", line)
        .getResultList();
  }

  /** Rule 10: the PIA money received is the sum of the received tranches. */
  public BigDecimal piaReceived(Grant grant) {
    return piaReceivedBy(grant, null);
  }

  /** Rule 10: PIA money received up to and including {@code day} (null: to this day), for figures of a past period. */
  public BigDecimal piaReceivedBy(Grant grant, LocalDate day) {
    var query = em.createQuery("SELECT SUM(t.receivedAmount) FROM Tranche t WHERE t.grant = :grant AND t.status = :received"
            + (day == null ? "" : " AND t.receivedOn <= :day"), BigDecimal.class)
        .setParameter("grant", grant)
        .setParameter("received", TrancheStatus.RECEIVED);
    if (day != null) {
      query.setParameter("day", day);
    }
    BigDecimal sum = query.getSingleResult();
    return sum == null ? BigDecimal.ZERO.setScale(2) : sum.setScale(2);
  }

  public List<Tranche> tranches(Grant grant) {
    return em.createQuery("SELECT t FROM Tranche t WHERE t.grant = :grant ORDER BY t.number", Tranche.class).setParameter("grant", grant).getResultList();
  }

  /** The day of the first tranche request, if any (rule 13 freezes the parameters from then on). */
  public Optional<LocalDate> firstRequestedOn(Grant grant) {
    return Optional.ofNullable(em.createQuery("SELECT MIN(t.requestedOn) FROM Tranche t WHERE t.grant = :grant AND t.requestedOn IS NOT NULL", LocalDate.class)
        .setParameter("grant", grant)
        .getSingleResult());
  }
}
