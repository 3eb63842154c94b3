-- A delegation's row in the KPIs, the schedule and the notifier is inserted when it is registered and updated as it
-- is routed, confirmed, completed or cancelled, often in the same processor batch. By then other delegations' rows
-- had filled the page: the new version of the row went to another page with a new entry in each index. Over a
-- benchmark's 100,008 live events, 75 of kpi_delegation's 16,528 updates stayed on their page (heap-only tuples),
-- 85 of schedule_delegation's 20,870 and 69 of notification_delegation's 10,435. Room is now left on each page, as
-- V220 did for the item tables, for as many new versions as the row usually gets: two for the KPIs' and the
-- schedule's row (routed, then confirmed or completed), one for the notifier's (confirmed). Rows written before this
-- keep their pages until those are rewritten.
ALTER TABLE kpi_delegation SET (fillfactor = 30);
ALTER TABLE schedule_delegation SET (fillfactor = 30);
ALTER TABLE notification_delegation SET (fillfactor = 50);
