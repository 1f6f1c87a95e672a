-- A deliverable not yet handed in is now EXPECTED; its first name read like a note left in the code.
UPDATE DELIVERABLE SET STATUS = 'EXPECTED' WHERE STATUS = 'TODO';
