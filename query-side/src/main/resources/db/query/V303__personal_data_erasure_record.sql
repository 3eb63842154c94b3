-- Who erased a person's data, when and on what legal basis: the administrator who erases may not read the data, and
-- after the erasure the page said only that it was gone. Every row of the person carries the same record.
ALTER TABLE personal_data
    ADD COLUMN erased_at     TIMESTAMPTZ,
    ADD COLUMN erased_by     TEXT,
    ADD COLUMN erasure_basis TEXT;

-- Erasures recorded before carry no record yet: the view is replayed once at the next start.
INSERT INTO projection_rebuild_due (projection, reason)
SELECT 'personal-data', 'when, by whom and on what basis each erasure was done'
WHERE EXISTS (SELECT 1 FROM personal_data WHERE erased)
ON CONFLICT (projection) DO NOTHING;
