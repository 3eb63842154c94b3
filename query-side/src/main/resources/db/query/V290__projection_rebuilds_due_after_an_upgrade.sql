-- Views whose meaning an upgrade changed: each row is replayed once, at the next start (ProjectionRebuildsDue), so
-- that no administrator has to remember a manual step. A fresh database has nothing to rebuild.
CREATE TABLE projection_rebuild_due (
    projection VARCHAR(100) PRIMARY KEY,
    reason     TEXT         NOT NULL,
    due_since  TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- The schedule now names every operator offered an assignment, also those a scope expansion (R4) added; rows
-- written before showed those operators their own items as anonymous "Booked" blocks.
INSERT INTO projection_rebuild_due (projection, reason)
SELECT 'schedule', 'the operators a scope expansion offered an assignment'
WHERE EXISTS (SELECT 1 FROM schedule_item);
