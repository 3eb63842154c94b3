-- An erased trip participant has no title, as in every other view; rows written before kept "[erased]" there, which
-- the trip page showed as it stood.
UPDATE trip_view SET participants = (
    SELECT jsonb_agg(CASE WHEN p ->> 'title' = '[erased]' THEN p || jsonb_build_object('title', NULL) ELSE p END)
    FROM jsonb_array_elements(participants) p)
WHERE participants @> '[{"title":"[erased]"}]';
