-- Budget execution: the expense list's count and totals filtered on status and year read the
-- maintained totals through this index (the action filter uses the table's key).
CREATE INDEX EXECUTION_TOTAL_BY_STATUS ON EXECUTION_TOTAL (GRANT_ID, STATUS, EXPENSE_YEAR);
