-- The schedule's conflicts kept as rows, beside the items they are found from: one row per pair of items sharing a
-- venue or a host (a pair sharing both is two rows) whose times overlap, neither cancelled, the first of the pair
-- the lower by (delegation_id, item_id). GET /api/schedule/conflicts reads its page from here in order.
--
-- Why: the pairs were found when asked, by walking the first items in order and looking up each one's overlapping
-- items; a page stopped once full, but with few conflicts among many items at venues or hosts the walk went through
-- the whole history to fill it. On the benchmark's kept data (313,029 items, each at a venue of its delegation's
-- own, so no pair), GET /api/schedule/conflicts took 1.6-1.9 s a request, growing with the history
-- (docs/performance.md, "Conflicts kept as rows").
--
-- The rows are kept by triggers on schedule_item, in the transaction that changes the item, whichever process
-- writes it (the projection, its replay, a dead letter retried): a changed item's pairs are deleted and found again
-- against the items as they are then. So after every change the table holds exactly the pairs of the items as they
-- stand, in whatever order a batch sends its writes. The pairs an item is found in are those the query found: the
-- candidates through the venue's and host's indexes (short items) and the period index (long ones), the same
-- conditions, which are symmetric in the two items.
--
-- An item without venue or host, before and after, fires no trigger (the WHEN clauses): items that cannot conflict
-- cost a test of four columns a row and about 4 µs a statement (measured on 10,000 updates of a delegation's items).
-- Writers that change items at a venue or host take one transaction-level advisory lock first, so that two
-- transactions (the processor and a dead letter retried beside it) cannot each miss the other's uncommitted item.
-- The lock is taken only after the row is written; a dead-lettered delegation's later events wait in its queue, so
-- two such writers never change the same items and cannot deadlock on them.

CREATE TABLE schedule_conflict (
    resource          VARCHAR(5)       NOT NULL CHECK (resource IN ('VENUE', 'HOST')),
    first_delegation  VARCHAR(64)      NOT NULL,
    first_item        VARCHAR(64)      NOT NULL,
    second_delegation VARCHAR(64)      NOT NULL,
    second_item       VARCHAR(64)      NOT NULL,
    first_start       TIMESTAMPTZ      NOT NULL,
    first_end         TIMESTAMPTZ      NOT NULL,
    first_key         TEXT COLLATE "C" NOT NULL,
    second_key        TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (first_delegation, first_item, second_delegation, second_item, resource)
);
-- The page's order (ScheduleProjection's conflict order), read from the start or from a period's.
CREATE INDEX schedule_conflict_order ON schedule_conflict (first_start, first_key, second_key, resource);
CREATE INDEX schedule_conflict_second ON schedule_conflict (second_delegation, second_item);
-- Pairs whose first item lasts longer than a day (or ends before it starts): a period finds the short ones from a
-- day before its start, these few wherever they start. The condition is repeated word for word in the query.
CREATE INDEX schedule_conflict_long_first ON schedule_conflict (first_start)
    WHERE first_end < first_start OR first_end - first_start > interval '24 hours';

-- An item's order key among entries starting at the same time, as ScheduleProjection.orderKey computes it (the
-- columns above compare it byte by byte, as the query did).
CREATE FUNCTION schedule_order_key(delegation_id VARCHAR, item_id VARCHAR) RETURNS TEXT
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT 'BKD-' || left(encode(sha256(convert_to(delegation_id || '.' || item_id, 'UTF8')), 'hex'), 32) $$;

-- Adds the conflicts of item a: with each item at a's venue, or with a's host and not at its venue, lasting at most a
-- day and found from a day before a's period; or longer and sharing either, through the period index; overlapping
-- a's times exactly, neither cancelled. These are the conditions ScheduleProjection asked with, symmetric in the two
-- items, so finding a pair from either item finds it. Each pair is ordered and kept once per resource shared.
--
-- PL/pgSQL, so that the statement's plan is kept for the session: as a SQL function it was planned at every call,
-- 0.87 ms an item. The longer items are read from the period index alone (OFFSET 0): given the venue and host as
-- well, PostgreSQL ANDed its few entries with every entry of the venue's and host's indexes.
CREATE FUNCTION schedule_item_conflicts_add(a schedule_item) RETURNS void LANGUAGE plpgsql
    SET plan_cache_mode = force_generic_plan AS $$
BEGIN
    IF a.status = 'CANCELLED' OR (a.venue_id IS NULL AND a.host_id IS NULL) THEN
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
    WHERE b.status <> 'CANCELLED'
      AND (b.delegation_id, b.item_id) <> (a.delegation_id, a.item_id)
      AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at
      AND CASE r.resource WHEN 'VENUE' THEN a.venue_id = b.venue_id ELSE a.host_id = b.host_id END
    ON CONFLICT DO NOTHING;
END
$$;

CREATE FUNCTION schedule_item_conflicts_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- A change that moves neither the item's times nor its resources, nor cancels or restores it, keeps its pairs.
    -- Asked here rather than in the trigger's WHEN: PostgreSQL prepares a WHEN for every statement, and the whole
    -- comparison there made each status update of a delegation's items 18 µs slower, with or without venues.
    IF TG_OP = 'UPDATE' AND NOT (OLD.starts_at IS DISTINCT FROM NEW.starts_at OR OLD.ends_at IS DISTINCT FROM NEW.ends_at
            OR OLD.venue_id IS DISTINCT FROM NEW.venue_id OR OLD.host_id IS DISTINCT FROM NEW.host_id
            OR (OLD.status = 'CANCELLED') IS DISTINCT FROM (NEW.status = 'CANCELLED')) THEN
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

CREATE TRIGGER schedule_item_conflicts_inserted AFTER INSERT ON schedule_item FOR EACH ROW
    WHEN (NEW.venue_id IS NOT NULL OR NEW.host_id IS NOT NULL)
    EXECUTE FUNCTION schedule_item_conflicts_kept();
CREATE TRIGGER schedule_item_conflicts_changed AFTER UPDATE ON schedule_item FOR EACH ROW
    WHEN (OLD.venue_id IS NOT NULL OR OLD.host_id IS NOT NULL OR NEW.venue_id IS NOT NULL OR NEW.host_id IS NOT NULL)
    EXECUTE FUNCTION schedule_item_conflicts_kept();
CREATE TRIGGER schedule_item_conflicts_deleted AFTER DELETE ON schedule_item FOR EACH ROW
    WHEN (OLD.venue_id IS NOT NULL OR OLD.host_id IS NOT NULL)
    EXECUTE FUNCTION schedule_item_conflicts_kept();

-- The pairs of the items already projected (each found from both its items, kept once).
SELECT count(schedule_item_conflicts_add(a)) FROM schedule_item a WHERE a.venue_id IS NOT NULL OR a.host_id IS NOT NULL;

-- The schedule's reset empties its conflicts with its items (V251 otherwise unchanged).
CREATE OR REPLACE FUNCTION projection_reset(projection text) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
    SET search_path FROM CURRENT SET lock_timeout = '2s' AS $$
DECLARE
    tables text[] := CASE projection
        WHEN 'delegation-board' THEN ARRAY['delegation_refusal', 'delegation_scope_request',
            'delegation_programme_item', 'delegation_assignment', 'delegation_board']
        WHEN 'schedule' THEN ARRAY['schedule_item', 'schedule_delegation', 'schedule_conflict']
        WHEN 'kpi' THEN ARRAY['kpi_offer', 'kpi_delegation']
        WHEN 'annual-report' THEN ARRAY['annual_report_delegation']
        WHEN 'notifications' THEN ARRAY['notification_item', 'notification_assignment', 'notification_delegation']
        WHEN 'personal-data' THEN ARRAY['personal_data']
    END;
    t text;
BEGIN
    IF tables IS NULL THEN
        RAISE EXCEPTION 'projection_reset: no tables are listed for the projection %', projection
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    BEGIN
        EXECUTE 'TRUNCATE ' || (SELECT string_agg(quote_ident(x), ', ') FROM unnest(tables) AS x);
    EXCEPTION WHEN lock_not_available THEN
        RAISE WARNING 'the tables of % were busy: deleting their rows instead of truncating them', projection;
        FOREACH t IN ARRAY tables LOOP
            EXECUTE 'DELETE FROM ' || quote_ident(t);
        END LOOP;
    END;
END
$$;
