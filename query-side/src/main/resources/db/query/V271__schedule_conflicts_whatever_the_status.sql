-- The schedule's kept conflicts (V270) now hold the pairs of every item at a venue or with a host, cancelled or not;
-- GET /api/schedule/conflicts leaves out the pairs with a cancelled item when it reads them (ScheduleProjection).
--
-- Why: to keep cancelled items out of the table, V270's update trigger fired for every update of an item's status,
-- and the delegation-wide status updates (confirmed, cancelled, declined, withdrawn) are most of the schedule's
-- updates. PostgreSQL prepares a trigger's WHEN for each such statement, items at a venue or not. Now the update
-- trigger names the columns that move an item, and a statement that sets none of them (every status update) fires
-- nothing and prepares nothing (docs/performance.md, "The kept conflicts whatever the status").
--
-- The table holds the pairs of the items' times and resources as they stand, whatever their status, so no change of
-- status needs to touch it; reading a page skips the pairs with a cancelled item (two lookups by key a pair).

-- V270's function without its two tests of the status.
CREATE OR REPLACE FUNCTION schedule_item_conflicts_add(a schedule_item) RETURNS void LANGUAGE plpgsql
    SET plan_cache_mode = force_generic_plan AS $$
BEGIN
    IF a.venue_id IS NULL AND a.host_id IS NULL THEN
        RETURN;
    END IF;
    INSERT INTO schedule_conflict
    SELECT r.resource,
           CASE WHEN o.a_first THEN a.delegation_id ELSE b.delegation_id END,
           CASE WHEN o.a_first THEN a.item_id ELSE b.item_id END,
           CASE WHEN o.a_first THEN b.delegation_id ELSE a.delegation_id END,
           CASE WHEN o.a_first THEN b.item_id ELSE a.item_id END,
           CASE WHEN o.a_first THEN a.starts_at ELSE b.starts_at END,
           CASE WHEN o.a_first THEN a.ends_at ELSE b.ends_at END,
           schedule_order_key(CASE WHEN o.a_first THEN a.delegation_id ELSE b.delegation_id END,
                              CASE WHEN o.a_first THEN a.item_id ELSE b.item_id END),
           schedule_order_key(CASE WHEN o.a_first THEN b.delegation_id ELSE a.delegation_id END,
                              CASE WHEN o.a_first THEN b.item_id ELSE a.item_id END)
    FROM (
        SELECT * FROM schedule_item b WHERE b.venue_id = a.venue_id
            AND b.ends_at >= b.starts_at AND b.ends_at - b.starts_at <= interval '24 hours'
            AND b.starts_at >= LEAST(a.starts_at, a.ends_at) - interval '24 hours'
            AND b.ends_at >= LEAST(a.starts_at, a.ends_at) AND b.starts_at <= GREATEST(a.starts_at, a.ends_at)
        UNION ALL
        SELECT * FROM schedule_item b WHERE b.host_id = a.host_id AND (b.venue_id = a.venue_id) IS NOT TRUE
            AND b.ends_at >= b.starts_at AND b.ends_at - b.starts_at <= interval '24 hours'
            AND b.starts_at >= LEAST(a.starts_at, a.ends_at) - interval '24 hours'
            AND b.ends_at >= LEAST(a.starts_at, a.ends_at) AND b.starts_at <= GREATEST(a.starts_at, a.ends_at)
        UNION ALL
        SELECT * FROM (
            SELECT * FROM schedule_item b WHERE (b.ends_at < b.starts_at OR b.ends_at - b.starts_at > interval '24 hours')
                AND tstzrange(LEAST(b.starts_at, b.ends_at), GREATEST(b.starts_at, b.ends_at), '[]')
                    && tstzrange(LEAST(a.starts_at, a.ends_at), GREATEST(a.starts_at, a.ends_at), '[]')
            OFFSET 0) b
        WHERE b.venue_id = a.venue_id OR b.host_id = a.host_id
    ) b
    CROSS JOIN LATERAL (SELECT (a.delegation_id, a.item_id) < (b.delegation_id, b.item_id) AS a_first) o
    CROSS JOIN (VALUES ('VENUE'), ('HOST')) r(resource)
    WHERE (b.delegation_id, b.item_id) <> (a.delegation_id, a.item_id)
      AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at
      AND CASE r.resource WHEN 'VENUE' THEN a.venue_id = b.venue_id ELSE a.host_id = b.host_id END
    ON CONFLICT DO NOTHING;
END
$$;

-- V270's trigger function without the test of the status (an update that cancels or restores an item keeps its
-- pairs).
CREATE OR REPLACE FUNCTION schedule_item_conflicts_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- An update that sets the item's times and resources as they were (a change of its title) keeps its pairs.
    IF TG_OP = 'UPDATE' AND NOT (OLD.starts_at IS DISTINCT FROM NEW.starts_at OR OLD.ends_at IS DISTINCT FROM NEW.ends_at
            OR OLD.venue_id IS DISTINCT FROM NEW.venue_id OR OLD.host_id IS DISTINCT FROM NEW.host_id) THEN
        RETURN NULL;
    END IF;
    -- key pair (270, 1): the two-integer advisory keys, apart from the application's one-number keys
    PERFORM pg_advisory_xact_lock(270, 1);
    IF TG_OP <> 'INSERT' THEN
        DELETE FROM schedule_conflict WHERE first_delegation = OLD.delegation_id AND first_item = OLD.item_id;
        DELETE FROM schedule_conflict WHERE second_delegation = OLD.delegation_id AND second_item = OLD.item_id;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        PERFORM schedule_item_conflicts_add(NEW);
    END IF;
    RETURN NULL;
END
$$;

DROP TRIGGER schedule_item_conflicts_changed ON schedule_item;
CREATE TRIGGER schedule_item_conflicts_changed AFTER UPDATE OF starts_at, ends_at, venue_id, host_id ON schedule_item
    FOR EACH ROW
    WHEN (OLD.venue_id IS NOT NULL OR OLD.host_id IS NOT NULL OR NEW.venue_id IS NOT NULL OR NEW.host_id IS NOT NULL)
    EXECUTE FUNCTION schedule_item_conflicts_kept();

-- The pairs with a cancelled item, which V270 left out: found from the cancelled items (the pairs of two items
-- neither cancelled are there already).
SELECT count(schedule_item_conflicts_add(a)) FROM schedule_item a
WHERE a.status = 'CANCELLED' AND (a.venue_id IS NOT NULL OR a.host_id IS NOT NULL);
