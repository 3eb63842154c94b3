-- R8 now counts the themes an approved scope expansion added as the delegation's own (JdbcRequestHistory.expanded):
-- rows written before hold only the themes registered, so a later request on an added theme was not flagged.
INSERT INTO lookup_rebuild_due (lookup, reason)
SELECT 'delegation_request_history', 'R8 themes with approved scope expansions'
WHERE EXISTS (SELECT 1 FROM delegation_request_history)
ON CONFLICT (lookup) DO NOTHING;
