package fr.jalon.expense;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * One step along the chain for one or several expenses: the target status (or {@code CANCELLED}),
 * its date and, for {@code ORDERED}, the payment order's number.
 */
public record StepRequest(@NotNull ExpenseStatus status, @NotNull LocalDate date, @Size(max = 40) String orderNumber, List<Long> ids) {}
