-- A programme item (schedule and notifier) and an offer (KPIs) are inserted and later updated: the item when its
-- delegation is confirmed or cancelled, the offer when it is answered. By then other delegations' rows have filled
-- the page, the new version of the row goes to another page, and every index gets a new entry for it (five on
-- schedule_item, one of them GiST). Half of each page is left free for such updates, so that PostgreSQL keeps the new
-- version on the same page and touches no index (a heap-only tuple); the space of old versions is reclaimed on the
-- page. Rows written before this keep their pages until those are rewritten.
ALTER TABLE schedule_item SET (fillfactor = 50);
ALTER TABLE notification_item SET (fillfactor = 50);
ALTER TABLE kpi_offer SET (fillfactor = 50);
