-- The board's function inserts a delegation's programme items in one statement per run of its changes, and writes
-- its row without a call around the insert.
--
-- Where the function's time went: over a 100,000-event replay, pg_stat_statements gave its statements' execution about
-- half of its 3,024 ms; a probe looping over 100,000 changes with the function's extractions, casts and CASE but no
-- statement took about 2 µs a change. The rest goes with the number of statements (each opens its table and indexes
-- and closes them again around its execution), about 1.5 per event. A delegation's life as the desk gives it ran
-- seven statements for its items and row alone: an insert per item, the confirmation's update of them all, and the
-- call that wrote the row plus its insert.
--
-- Now the item-added changes of a delegation's run are kept and inserted together: when the run ends (the next change
-- is for another delegation, or the batch ends) and before any other statement on that delegation's items (a change,
-- a removal, a cost, the confirmation). A confirmation that moves the row inserts them confirmed and updates the
-- stored items only if the table can hold any (the row was stored before the run, or items of the run went in). The
-- writes to a delegation's items keep their order, so the tables are the same as before;
-- DelegationBoardProjectionTest applies one list of changes in one call and in one call per change, and compares.
-- The loop goes one step past the last change to write what is held in one place; delegation_board_store, the call
-- around the row's insert, is dropped. The rest is V180's function, unchanged.
CREATE OR REPLACE FUNCTION delegation_board_apply(changes jsonb) RETURNS void LANGUAGE plpgsql SET enable_seqscan = off AS $$
DECLARE
    changes_n  integer := jsonb_array_length(changes);
    c          jsonb;
    d_id       varchar;
    d_version  bigint;
    d_at       timestamptz;
    d_operator varchar;
    r          delegation_board;
    held       boolean := false; -- r is the row of d_id as the changes so far left it (absent: r is null)
    stored     boolean := false; -- the table holds a row for r's delegation
    dirty      boolean := false; -- r differs from what the table holds
    moved      boolean;
    switching  boolean;          -- c is for another delegation than r, or past the last change
    items      jsonb := '[]';    -- the item-added changes of r's run not inserted yet, in order
    items_held boolean := false; -- delegation_programme_item may hold items of r's delegation
    had_items  boolean;          -- items_held before this change
BEGIN
    -- one step past the last change, where c is null, to write what is held
    FOR step IN 0 .. changes_n LOOP
        c := CASE WHEN step < changes_n THEN changes -> step END;
        d_id := c->>'id';
        d_version := (c->>'version')::bigint;
        d_at := (c->>'at')::timestamptz;
        d_operator := c->>'operator';
        switching := NOT held OR c IS NULL OR r.delegation_id IS DISTINCT FROM d_id;
        had_items := items_held;

        -- the run's items go in together: when the run ends, and before any other statement on its items (a
        -- confirmation that moves the row inserts them confirmed)
        IF jsonb_array_length(items) > 0 AND (switching
                OR c->>'event' IN ('item-changed', 'item-removed', 'cost-covered', 'confirmed')) THEN
            INSERT INTO delegation_programme_item (delegation_id, item_id, kind, title, starts_at, ends_at,
                venue_id, host_id, host_is_hospital, planned_by, venue_is_hospital, confirmed)
            SELECT r.delegation_id, a.item->>'item', a.item->>'kind', a.item->>'title',
                (a.item->>'starts')::timestamptz, (a.item->>'ends')::timestamptz, a.item->>'venue', a.item->>'host',
                (a.item->>'hostIsHospital')::boolean, a.item->>'plannedBy', (a.item->>'venueIsHospital')::boolean,
                NOT switching AND c->>'event' = 'confirmed' AND r.version < d_version
            FROM jsonb_array_elements(items) WITH ORDINALITY AS a(item, k)
            ORDER BY a.k
            ON CONFLICT (delegation_id, item_id) DO NOTHING;
            items := '[]';
            items_held := true;
        END IF;

        IF switching THEN
            IF dirty THEN
                IF stored THEN
                    DELETE FROM delegation_board WHERE delegation_id = r.delegation_id;
                END IF;
                INSERT INTO delegation_board SELECT (r).*;
            END IF;
            EXIT WHEN c IS NULL;
            SELECT * INTO r FROM delegation_board WHERE delegation_id = d_id;
            stored := FOUND;
            held := true;
            dirty := false;
            items_held := stored;
            had_items := stored;
            IF NOT stored THEN
                r := NULL;
            END IF;
        END IF;

        IF c->>'event' = 'registered' THEN
            IF r.delegation_id IS NULL THEN
                r.delegation_id := d_id;
                r.board_position := (c->>'position')::bigint;
                r.status := 'REQUESTED';
                r.channel := c->>'channel';
                r.requesting_organisation := c->>'organisation';
                r.origin_province := c->>'province';
                r.origin_city := c->>'city';
                r.delegation_type := c->>'type';
                r.political_level := c->>'level';
                r.head_count := (c->>'headCount')::integer;
                r.wished_from := (c->>'wishedFrom')::date;
                r.wished_to := (c->>'wishedTo')::date;
                r.themes := delegation_board_texts(c->'themes');
                r.purpose := c->>'purpose';
                r.business_opportunity := c->>'opportunity';
                r.registered_at := d_at;
                r.registered_by := c->>'actor';
                r.version := d_version;
                r.updated_at := d_at;
                r.operators := '{}';
                r.repeat_request := false;
                r.earlier_requests := '{}';
                r.supporting_operators := '{}';
                r.country := c->>'country';
                r.date_received := (c->>'received')::date;
                dirty := true;
            END IF;
            CONTINUE;
        END IF;

        -- every other change moves an existing row that is behind it, or changes nothing
        moved := r.delegation_id IS NOT NULL AND r.version < d_version;
        IF NOT moved THEN
            CONTINUE;
        END IF;
        r.version := d_version;
        r.updated_at := d_at;
        dirty := true;

        CASE c->>'event'
        WHEN 'screened' THEN
            r.status := 'SCREENED';
            r.repeat_request := (c->>'repeat')::boolean;
            r.earlier_requests := delegation_board_texts(c->'earlier');
            r.business_opportunity_assessment := c->>'assessment';

        WHEN 'routed' THEN
            r.status := 'ROUTED';
            r.lead_operator := c->>'lead';
            r.supporting_operators := delegation_board_texts(c->'supporting');
            r.routing_version := (c->>'routing')::bigint;
            r.routing_override := (c->>'override')::boolean;
            r.routing_reason := c->>'reason';

        WHEN 'refused' THEN
            INSERT INTO delegation_refusal (delegation_id, version, kind, code, reason, item_ids, refused_at)
            VALUES (d_id, d_version, c->>'kind', c->>'code', c->>'reason', delegation_board_texts(c->'items'), d_at)
            ON CONFLICT (delegation_id, version) DO NOTHING;

        WHEN 'offered' THEN
            INSERT INTO delegation_assignment (delegation_id, operator_id, role, state, offered_at, due_at, position)
            VALUES (d_id, d_operator, c->>'role', 'OFFERED', d_at, (c->>'due')::timestamptz, (c->>'position')::bigint)
            ON CONFLICT (delegation_id, operator_id) DO UPDATE SET role = EXCLUDED.role, state = 'OFFERED',
                offered_at = EXCLUDED.offered_at, due_at = EXCLUDED.due_at, answered_at = NULL, reason = NULL,
                returned_to_desk = FALSE, position = EXCLUDED.position, escalated_at = NULL;
            r.operators := delegation_board_visible_to(d_id);

        WHEN 'accepted' THEN
            IF (c->>'lead')::boolean AND r.status = 'ROUTED' THEN
                r.status := 'ACCEPTED';
            END IF;
            UPDATE delegation_assignment SET state = 'ACCEPTED', answered_at = d_at, reason = NULL,
                returned_to_desk = FALSE, position = (c->>'position')::bigint
            WHERE delegation_id = d_id AND operator_id || '' = d_operator;
            r.operators := delegation_board_visible_to(d_id);

        WHEN 'declined' THEN
            IF (c->>'lead')::boolean AND (c->>'returned')::boolean THEN
                r.status := 'SCREENED';
                r.lead_operator := NULL;
                r.supporting_operators := '{}';
            END IF;
            UPDATE delegation_assignment SET state = 'DECLINED', answered_at = d_at, reason = c->>'reason',
                returned_to_desk = (c->>'returned')::boolean, position = (c->>'position')::bigint
            WHERE delegation_id = d_id AND operator_id || '' = d_operator;
            r.operators := delegation_board_visible_to(d_id);

        WHEN 'escalated' THEN
            UPDATE delegation_assignment SET state = 'ESCALATED', position = (c->>'position')::bigint,
                escalated_at = d_at
            WHERE delegation_id = d_id AND operator_id || '' = d_operator;
            r.operators := delegation_board_visible_to(d_id);

        WHEN 'assignment-withdrawn' THEN
            UPDATE delegation_assignment SET state = 'WITHDRAWN', answered_at = d_at,
                position = (c->>'position')::bigint
            WHERE delegation_id = d_id AND operator_id || '' = d_operator;
            r.operators := delegation_board_visible_to(d_id);

        WHEN 'scope-requested' THEN
            INSERT INTO delegation_scope_request (delegation_id, request_id, themes, reason, state)
            VALUES (d_id, c->>'request', delegation_board_texts(c->'themes'), c->>'reason', 'REQUESTED')
            ON CONFLICT (delegation_id, request_id) DO UPDATE SET themes = EXCLUDED.themes,
                reason = EXCLUDED.reason, state = 'REQUESTED', decision_reason = NULL;

        WHEN 'scope-approved' THEN
            r.themes := ARRAY(SELECT t FROM unnest(r.themes || delegation_board_texts(c->'themes'))
                WITH ORDINALITY AS u(t, n) GROUP BY t ORDER BY min(n));
            UPDATE delegation_scope_request SET state = 'APPROVED', decision_reason = NULL
            WHERE delegation_id = d_id AND request_id = c->>'request';

        WHEN 'scope-rejected' THEN
            UPDATE delegation_scope_request SET state = 'REJECTED', decision_reason = c->>'reason'
            WHERE delegation_id = d_id AND request_id = c->>'request';

        WHEN 'item-added' THEN
            IF r.status = 'ACCEPTED' THEN
                r.status := 'PROGRAMME_PLANNED';
            END IF;
            items := items || jsonb_build_array(c); -- inserted with the run's others, above

        WHEN 'item-changed' THEN
            UPDATE delegation_programme_item SET kind = c->>'kind', title = c->>'title',
                starts_at = (c->>'starts')::timestamptz, ends_at = (c->>'ends')::timestamptz,
                venue_id = c->>'venue', host_id = c->>'host', host_is_hospital = (c->>'hostIsHospital')::boolean,
                venue_is_hospital = (c->>'venueIsHospital')::boolean, confirmed = FALSE
            WHERE delegation_id = d_id AND item_id = c->>'item';

        WHEN 'item-removed' THEN
            DELETE FROM delegation_programme_item WHERE delegation_id = d_id AND item_id = c->>'item';
            -- as the aggregate does: a planned programme whose last item is gone is accepted again
            IF r.status = 'PROGRAMME_PLANNED'
                    AND NOT EXISTS (SELECT 1 FROM delegation_programme_item WHERE delegation_id = d_id) THEN
                r.status := 'ACCEPTED';
            END IF;

        WHEN 'cost-covered' THEN
            UPDATE delegation_programme_item SET payer = c->>'payer', basis = c->>'basis',
                amount = (c->>'amount')::numeric, currency = c->>'currency'
            WHERE delegation_id = d_id AND item_id = c->>'item';

        WHEN 'confirmed' THEN
            r.status := 'CONFIRMED';
            IF had_items THEN -- the run's own items were inserted confirmed, above
                UPDATE delegation_programme_item SET confirmed = TRUE WHERE delegation_id = d_id;
            END IF;

        WHEN 'completed' THEN
            r.status := 'COMPLETED';
            r.outcome := c->'outcome';

        WHEN 'closed' THEN
            r.status := c->>'status';
            r.closing_reason := c->>'reason';

        WHEN 'advanced' THEN
            NULL; -- only the version and time, above

        ELSE
            RAISE EXCEPTION 'delegation_board_apply: unknown change %', c->>'event';
        END CASE;
    END LOOP;
END
$$;

DROP FUNCTION delegation_board_store(delegation_board, boolean);
