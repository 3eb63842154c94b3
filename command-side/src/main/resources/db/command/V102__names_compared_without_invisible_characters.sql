-- Names are compared as people read them (ReadAlike), now also without the characters that show nothing
-- (zero-width spaces and joiners, soft hyphens, variation selectors): "Regionsgården" with a zero-width space after
-- it was a second venue, shown in the pickers exactly as the first. The directory keeps each name's key beside it,
-- computed by the application, instead of folding the stored names in SQL (which knew neither Unicode spaces nor
-- compatibility forms). Until the rebuild at the next start (LookupRebuildDue) the keys are the old folding.
ALTER TABLE venue_directory ADD COLUMN name_key TEXT;
ALTER TABLE partner_directory ADD COLUMN name_key TEXT;
UPDATE venue_directory SET name_key = lower(regexp_replace(btrim(name), '\s+', ' ', 'g'));
UPDATE partner_directory SET name_key = lower(regexp_replace(btrim(name), '\s+', ' ', 'g'));
ALTER TABLE venue_directory ALTER COLUMN name_key SET NOT NULL;
ALTER TABLE partner_directory ALTER COLUMN name_key SET NOT NULL;
CREATE INDEX venue_directory_name_key ON venue_directory (name_key);
CREATE INDEX partner_directory_name_key ON partner_directory (name_key);

-- The same key changed for R8's organisations and the persons' first names: rebuilt with the directory.
INSERT INTO lookup_rebuild_due (lookup, reason)
SELECT 'directory', 'names compared without characters that show nothing'
WHERE EXISTS (SELECT 1 FROM venue_directory) OR EXISTS (SELECT 1 FROM partner_directory)
   OR EXISTS (SELECT 1 FROM delegation_request_history) OR EXISTS (SELECT 1 FROM person_name)
ON CONFLICT (lookup) DO NOTHING;
