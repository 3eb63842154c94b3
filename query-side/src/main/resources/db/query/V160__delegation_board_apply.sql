-- The delegation-board projection applies a batch of events in one call instead of one to three statements per
-- event, each a round trip to the database (about 0.13 ms each on the build machine, 2,000-2,900 events/s in a
-- replay). The Java handlers turn each event into a change (a JSON object: the event's name, the delegation, its
-- version, its time and the fields the tables need); the changes of a batch are sent together and applied here, in
-- order. Each handler's guard is kept: a change moves the board row to its version only if the row is behind
-- (version < the change's), and only when the row moved does it touch the child tables, so a change seen before
-- changes nothing and a replay gives the same tables.
--
-- The board row of the delegation being changed is held in a variable while its changes follow one another and
-- written once when the next change is for another delegation (or the batch ends): every event used to write a new
-- version of the row, with entries in each of its indexes. It is written as a delete and an insert of the whole row,
-- so that a column added to the table later is carried without a change here (a new row gets what 'registered' sets
-- below: a column added with a default must be set there too). The child tables are written change by change.

-- A JSON array of strings as a text[] in its order; '{}' for a missing or empty array. PL/pgSQL, not SQL: a SQL
-- function that cannot be inlined is planned again at every call from PL/pgSQL, a PL/pgSQL one once per session.
CREATE FUNCTION delegation_board_texts(items jsonb) RETURNS text[] LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    RETURN COALESCE((SELECT array_agg(t ORDER BY n)
                     FROM jsonb_array_elements_text(CASE WHEN jsonb_typeof(items) = 'array' THEN items ELSE '[]' END)
                         WITH ORDINALITY AS x(t, n)), '{}');
END
$$;

-- Writes the held board row: replaces the stored one, or inserts it when it is new.
CREATE FUNCTION delegation_board_store(r delegation_board, stored boolean) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF stored THEN
        DELETE FROM delegation_board WHERE delegation_id = r.delegation_id;
    END IF;
    INSERT INTO delegation_board SELECT (r).*;
END
$$;

-- The operators who see a delegation (object-level reads): those with an open or accepted assignment.
CREATE FUNCTION delegation_board_visible_to(delegation varchar) RETURNS text[] LANGUAGE plpgsql STABLE AS $$
BEGIN
    RETURN ARRAY(SELECT operator_id FROM delegation_assignment
                 WHERE delegation_id = delegation AND state IN ('OFFERED', 'ACCEPTED', 'ESCALATED')
                 ORDER BY operator_id);
END
$$;

-- Every statement below finds its rows by a key. PL/pgSQL keeps one plan per statement for the session, made with the
-- table's statistics of that moment: made while a table was empty (a fresh database, a replay's start), a plan scans
-- the whole table, and a batch of 60,000 changes took 11.2 s instead of 1.5 s by hand. Sequential scans are off for
-- the call, so the plans use the keys whatever the statistics say.
CREATE FUNCTION delegation_board_apply(changes jsonb) RETURNS void LANGUAGE plpgsql SET enable_seqscan = off AS $$
DECLARE
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
BEGIN
    FOR c IN SELECT value FROM jsonb_array_elements(changes) LOOP
        d_id := c->>'id';
        d_version := (c->>'version')::bigint;
        d_at := (c->>'at')::timestamptz;
        d_operator := c->>'operator';
        IF NOT held OR r.delegation_id IS DISTINCT FROM d_id THEN
            IF dirty THEN
                PERFORM delegation_board_store(r, stored);
            END IF;
            SELECT * INTO r FROM delegation_board WHERE delegation_id = d_id;
            stored := FOUND;
            held := true;
            dirty := false;
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
            WHERE delegation_id = d_id AND operator_id = d_operator;
            r.operators := delegation_board_visible_to(d_id);

        WHEN 'declined' THEN
            IF (c->>'lead')::boolean AND (c->>'returned')::boolean THEN
                r.status := 'SCREENED';
                r.lead_operator := NULL;
                r.supporting_operators := '{}';
            END IF;
            UPDATE delegation_assignment SET state = 'DECLINED', answered_at = d_at, reason = c->>'reason',
                returned_to_desk = (c->>'returned')::boolean, position = (c->>'position')::bigint
            WHERE delegation_id = d_id AND operator_id = d_operator;
            r.operators := delegation_board_visible_to(d_id);

        WHEN 'escalated' THEN
            UPDATE delegation_assignment SET state = 'ESCALATED', position = (c->>'position')::bigint,
                escalated_at = d_at
            WHERE delegation_id = d_id AND operator_id = d_operator;
            r.operators := delegation_board_visible_to(d_id);

        WHEN 'assignment-withdrawn' THEN
            UPDATE delegation_assignment SET state = 'WITHDRAWN', answered_at = d_at,
                position = (c->>'position')::bigint
            WHERE delegation_id = d_id AND operator_id = d_operator;
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
            INSERT INTO delegation_programme_item (delegation_id, item_id, kind, title, starts_at, ends_at,
                venue_id, host_id, host_is_hospital, planned_by, venue_is_hospital)
            VALUES (d_id, c->>'item', c->>'kind', c->>'title', (c->>'starts')::timestamptz,
                (c->>'ends')::timestamptz, c->>'venue', c->>'host', (c->>'hostIsHospital')::boolean,
                c->>'plannedBy', (c->>'venueIsHospital')::boolean)
            ON CONFLICT (delegation_id, item_id) DO NOTHING;

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
            UPDATE delegation_programme_item SET confirmed = TRUE WHERE delegation_id = d_id;

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
    IF dirty THEN
        PERFORM delegation_board_store(r, stored);
    END IF;
END
$$;
