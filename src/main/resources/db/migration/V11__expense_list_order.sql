-- The expense list's default order is the newest first. Derby walks an index only forwards, so the
-- indexes behind that order are descending: the list then stops after its page instead of sorting
-- every expense of the filtered set. The ascending grant-wide index stays for the oldest-first sort.
CREATE INDEX EXPENSE_BY_DATE_DESC ON EXPENSE (GRANT_ID, SORT_DATE DESC, ID DESC);
DROP INDEX EXPENSE_BY_ACTION;
CREATE INDEX EXPENSE_BY_ACTION ON EXPENSE (ACTION_ID, SORT_DATE DESC, ID DESC);
DROP INDEX EXPENSE_BY_CATEGORY;
CREATE INDEX EXPENSE_BY_CATEGORY ON EXPENSE (CATEGORY_ID, SORT_DATE DESC, ID DESC);
DROP INDEX EXPENSE_BY_SOURCE;
CREATE INDEX EXPENSE_BY_SOURCE ON EXPENSE (COFUNDING_ID, SORT_DATE DESC, ID DESC);
DROP INDEX EXPENSE_BY_STATUS;
CREATE INDEX EXPENSE_BY_STATUS ON EXPENSE (STATUS, SORT_DATE DESC, ID DESC);
DROP INDEX EXPENSE_BY_YEAR;
CREATE INDEX EXPENSE_BY_YEAR ON EXPENSE (EXPENSE_YEAR, SORT_DATE DESC, ID DESC);

-- Staging a credit note looks up the line it corrects by import and source key: one index for
-- both, so each staged line costs a lookup, not a walk over the import's lines so far.
-- (IMPORT_ID alone is the foreign key's own index, which stays.)
CREATE INDEX EXPENSE_IMPORT_KEY ON EXPENSE (IMPORT_ID, SOURCE_KEY);
