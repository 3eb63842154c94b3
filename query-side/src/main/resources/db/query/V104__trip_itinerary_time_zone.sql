-- Itinerary items record their time zone (ItineraryItemAddedEvent revision 2) and the trip view shows their times
-- with the offset of that zone. Items projected before this were recorded without one and read as China Standard
-- Time, as the upcaster reads their events: Asia/Shanghai, UTC+08:00 without daylight saving since 1991.
UPDATE trip_view SET itinerary = (
    SELECT COALESCE(jsonb_agg(CASE WHEN i ? 'timeZone' THEN i ELSE i || jsonb_build_object(
               'timeZone', 'Asia/Shanghai',
               'startsAt', (i ->> 'startsAt') || '+08:00',
               'endsAt', (i ->> 'endsAt') || '+08:00') END ORDER BY n), '[]'::jsonb)
    FROM jsonb_array_elements(itinerary) WITH ORDINALITY AS e(i, n))
WHERE jsonb_array_length(itinerary) > 0;
