-- The board shows and filters what the desk records (DelegationRegisteredEvent revision 2): country of origin and
-- the date the request reached the desk. Rows projected before this take both from the annual report's rows, which
-- already hold them; a row the report does not know reads as a revision-1 registration does: country CN, received
-- on its registration day in Copenhagen. Replaying the board writes the same values from the events.
ALTER TABLE delegation_board
    ADD COLUMN country       VARCHAR(2) NOT NULL DEFAULT 'CN',
    ADD COLUMN date_received DATE;
UPDATE delegation_board b SET country = a.country, date_received = a.date_received
FROM annual_report_delegation a WHERE a.delegation_id = b.delegation_id;
UPDATE delegation_board SET date_received = CAST(registered_at AT TIME ZONE 'Europe/Copenhagen' AS DATE)
WHERE date_received IS NULL;
ALTER TABLE delegation_board ALTER COLUMN date_received SET NOT NULL, ALTER COLUMN country DROP DEFAULT;
CREATE INDEX delegation_board_country ON delegation_board (country, board_position);
CREATE INDEX delegation_board_received ON delegation_board (date_received);

-- R5, the desk's escalations: when the deadline escalated an assignment (AssignmentEscalatedEvent's time). An
-- escalation projected before this is taken to have happened at its due time, when the deadline fires; a replay of
-- the board writes the recorded time.
ALTER TABLE delegation_assignment ADD COLUMN escalated_at TIMESTAMPTZ;
UPDATE delegation_assignment SET escalated_at = due_at WHERE state = 'ESCALATED';
CREATE INDEX delegation_assignment_open ON delegation_assignment (state, due_at);
