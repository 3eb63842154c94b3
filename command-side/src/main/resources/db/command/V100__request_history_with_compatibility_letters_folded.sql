-- R8's organisation key now reads letters in their compatibility forms as the plain ones (NFKC: full-width Latin
-- letters as ASCII); rows written before keep the old key, so a repeat request from "Acme" would not be flagged
-- against an earlier one from its full-width spelling (LookupRebuildDue rebuilds the lookup once).
INSERT INTO lookup_rebuild_due (lookup, reason)
SELECT 'delegation_request_history', 'R8 organisation keys with compatibility letters folded'
WHERE EXISTS (SELECT 1 FROM delegation_request_history)
ON CONFLICT (lookup) DO NOTHING;
