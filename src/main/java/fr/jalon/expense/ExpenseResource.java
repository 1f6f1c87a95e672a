package fr.jalon.expense;

import fr.jalon.platform.FileStore;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;

/**
 * {@code /api/expenses}: everybody reads; finance records expenses, moves them along the chain (one
 * or a selection) and attaches receipts. The list is paged by keyset: pass the page's {@code next}
 * as {@code after} to get the following one.
 */
@RequestScoped
@Path("expenses")
@Produces(MediaType.APPLICATION_JSON)
public class ExpenseResource {
  @Inject ExpenseService expenses;
  @Inject FileStore files;

  @GET
  public ExpensePage list(@QueryParam("size") @DefaultValue("50") int size, @QueryParam("after") String after, @QueryParam("sort") ExpenseRepository.Sort sort,
      @QueryParam("action") Long action, @QueryParam("category") Long category, @QueryParam("source") Long source, @QueryParam("status") ExpenseStatus status,
      @QueryParam("year") Integer year, @QueryParam("supplier") String supplier, @QueryParam("min") BigDecimal min, @QueryParam("max") BigDecimal max,
      @QueryParam("text") String text, @QueryParam("paid") boolean paid) {
    return expenses.page(new ExpenseFilter(action, category, source, status, year, supplier, min, max, text, paid), sort, after, size);
  }

  /** Count and totals of the filtered set (same filters as the list). */
  @GET
  @Path("totals")
  public ExpenseTotals totals(@QueryParam("action") Long action, @QueryParam("category") Long category, @QueryParam("source") Long source,
      @QueryParam("status") ExpenseStatus status, @QueryParam("year") Integer year, @QueryParam("supplier") String supplier, @QueryParam("min") BigDecimal min,
      @QueryParam("max") BigDecimal max, @QueryParam("text") String text, @QueryParam("paid") boolean paid) {
    return expenses.totals(new ExpenseFilter(action, category, source, status, year, supplier, min, max, text, paid));
  }

  /** The filtered set as a spreadsheet (real numbers and dates). */
  @GET
  @Path("export.xlsx")
  @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
  public Response exportXlsx(@QueryParam("action") Long action, @QueryParam("category") Long category, @QueryParam("source") Long source,
      @QueryParam("status") ExpenseStatus status, @QueryParam("year") Integer year, @QueryParam("supplier") String supplier, @QueryParam("min") BigDecimal min,
      @QueryParam("max") BigDecimal max, @QueryParam("text") String text, @QueryParam("paid") boolean paid) {
    ExpenseFilter filter = new ExpenseFilter(action, category, source, status, year, supplier, min, max, text, paid);
    jakarta.ws.rs.core.StreamingOutput body = out -> expenses.export(filter, true, out);
    return Response.ok(body).header("Content-Disposition", FileStore.attachment("depenses.xlsx")).build();
  }

  /** The filtered set as CSV (UTF-8 with BOM, semicolons, decimal comma). */
  @GET
  @Path("export.csv")
  @Produces("text/csv")
  public Response exportCsv(@QueryParam("action") Long action, @QueryParam("category") Long category, @QueryParam("source") Long source,
      @QueryParam("status") ExpenseStatus status, @QueryParam("year") Integer year, @QueryParam("supplier") String supplier, @QueryParam("min") BigDecimal min,
      @QueryParam("max") BigDecimal max, @QueryParam("text") String text, @QueryParam("paid") boolean paid) {
    ExpenseFilter filter = new ExpenseFilter(action, category, source, status, year, supplier, min, max, text, paid);
    jakarta.ws.rs.core.StreamingOutput body = out -> expenses.export(filter, false, out);
    return Response.ok(body).type("text/csv; charset=UTF-8").header("Content-Disposition", FileStore.attachment("depenses.csv")).build();
  }

  /** Committed and paid eligible amounts per action. */
  @GET
  @Path("by-action")
  public List<ActionSpending> byAction() {
    return expenses.spendingByAction();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(NewExpense expense) {
    return Response.status(201).entity(expenses.create(expense)).build();
  }

  @GET
  @Path("{id}")
  public ExpenseDetail get(@PathParam("id") long id) {
    return expenses.detail(id);
  }

  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public ExpenseDetail revise(@PathParam("id") long id, NewExpense expense) {
    return expenses.revise(id, expense);
  }

  /** The next step on the chain (or CANCELLED) with its date: {@code {"status":"COMMITTED","date":"2024-03-01"}}. */
  @POST
  @Path("{id}/steps")
  @Consumes(MediaType.APPLICATION_JSON)
  public ExpenseDetail step(@PathParam("id") long id, StepRequest step) {
    return expenses.step(id, step);
  }

  /** The same step for a selection ({@code ids}), all or nothing; answers how many moved. */
  @POST
  @Path("steps")
  @Consumes(MediaType.APPLICATION_JSON)
  public int stepAll(StepRequest step) {
    return expenses.stepAll(step);
  }

  /** A receipt as the raw request body (PDF, PNG or JPEG); the file name in a header. */
  @POST
  @Path("{id}/receipts")
  @Consumes({"application/pdf", "image/png", "image/jpeg", MediaType.APPLICATION_OCTET_STREAM})
  public ExpenseDetail attach(@PathParam("id") long id, @QueryParam("kind") @DefaultValue("INVOICE") ReceiptKind kind, InputStream body,
      @HeaderParam("X-File-Name") String fileName) {
    return expenses.attachReceipt(id, kind, body, fileName == null ? "justificatif.pdf" : fileName);
  }

  @GET
  @Path("{id}/receipts/{receiptId}")
  @Produces(MediaType.WILDCARD)
  public Response receipt(@PathParam("id") long id, @PathParam("receiptId") long receiptId) {
    return files.download(expenses.receiptFile(id, receiptId));
  }
}
