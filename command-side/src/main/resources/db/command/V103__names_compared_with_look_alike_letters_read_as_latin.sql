-- Venue, partner and R8's organisation names are compared with letters of other alphabets that are drawn as a Latin
-- letter read as that letter (ReadAlike.nameKey): "Regionsgarden Hall" with a Cyrillic "е" was a second venue, and a
-- request from "Jiangsu Health Bureau" with a Cyrillic "а" was not flagged as a repeat (R8). The keys kept beside
-- the names are the application's, so they are computed again at the next start (LookupRebuildDue).
INSERT INTO lookup_rebuild_due (lookup, reason)
SELECT 'directory', 'names compared with look-alike letters read as Latin'
WHERE EXISTS (SELECT 1 FROM venue_directory) OR EXISTS (SELECT 1 FROM partner_directory)
ON CONFLICT (lookup) DO NOTHING;
INSERT INTO lookup_rebuild_due (lookup, reason)
SELECT 'delegation_request_history', 'R8 organisation keys with look-alike letters read as Latin'
WHERE EXISTS (SELECT 1 FROM delegation_request_history)
ON CONFLICT (lookup) DO NOTHING;
