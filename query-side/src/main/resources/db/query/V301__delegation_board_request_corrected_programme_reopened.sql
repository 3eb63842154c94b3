-- The desk corrects a registered request (RequestCorrectedEvent): the board's row takes the request's fields as
-- corrected; a screened request whose organisation, themes or date received changed is back to REQUESTED, without the
-- screening's flag, the earlier requests it named and its assessment. The desk reopens a confirmed programme
-- (ProgrammeReopenedEvent): the row is back to PROGRAMME_PLANNED and its items are no longer confirmed. The function is
-- V293's with these two cases added.
CREATE OR REPLACE FUNCTION delegation_board_apply(changes jsonb) RETURNS void LANGUAGE plpgsql SET enable_seqscan = off AS $$
DECLARE
    c          record;
    r          delegation_board;
    a          delegation_assignment;
    i          delegation_programme_item;
    d_id       varchar;                           -- the delegation whose changes are being taken
    stored     boolean := false;                  -- the table held d_id's board row when the call began
    dirty      boolean := false;                  -- r differs from what the table holds
    found_it   boolean;
    j          integer;
    k          integer;
    moved      boolean;
    rows_out   delegation_board[] := '{}';
    replaced   varchar[] := '{}';                 -- stored board rows that rows_out replaces
    offers_out delegation_assignment[] := '{}';   -- the offers made in this call, with what followed them
    offered    varchar[] := '{}';                 -- their operators, in the same order
    offer_from integer := 1;                      -- where d_id's offers begin in offers_out
    items_out  delegation_programme_item[] := '{}'; -- the programme items of delegations new in this call
    kept       varchar[] := '{}';                 -- their ids, in the same order
    item_from  integer := 1;                      -- where d_id's items begin in items_out
BEGIN
    FOR c IN
        SELECT * FROM ROWS FROM (jsonb_to_recordset(changes) AS (
            event text, id varchar, version bigint, at timestamptz, operator varchar, position bigint,
            channel text, organisation text, province text, city text, type text, level text, "headCount" integer,
            "wishedFrom" date, "wishedTo" date, themes jsonb, purpose text, opportunity text, actor text,
            country text, received date, repeat boolean, earlier jsonb, assessment text, lead text,
            supporting jsonb, routing bigint, override boolean, reason text, kind text, code text, items jsonb,
            role text, due timestamptz, returned boolean, request text, item text, title text,
            starts timestamptz, ends timestamptz, venue text, host text, "hostIsHospital" boolean,
            "venueIsHospital" boolean, "plannedBy" text, payer text, basis text, amount numeric, currency text,
            outcome jsonb, status text, imported boolean, reset boolean)) WITH ORDINALITY AS x
        ORDER BY x.id, x.ordinality
    LOOP
        IF d_id IS DISTINCT FROM c.id OR d_id IS NULL THEN
            IF dirty THEN
                rows_out := array_append(rows_out, r);
                IF stored THEN
                    replaced := array_append(replaced, d_id);
                END IF;
            END IF;
            d_id := c.id;
            SELECT * INTO r FROM delegation_board WHERE delegation_id = d_id;
            stored := FOUND;
            IF NOT stored THEN
                r := NULL;
            END IF;
            dirty := false;
            offer_from := cardinality(offers_out) + 1;
            item_from := cardinality(items_out) + 1;
        END IF;

        IF c.event = 'registered' THEN
            IF r.delegation_id IS NULL THEN
                r.delegation_id := d_id;
                r.board_position := c.position;
                r.status := 'REQUESTED';
                r.channel := c.channel;
                r.requesting_organisation := c.organisation;
                r.origin_province := c.province;
                r.origin_city := c.city;
                r.delegation_type := c.type;
                r.political_level := c.level;
                r.head_count := c."headCount";
                r.wished_from := c."wishedFrom";
                r.wished_to := c."wishedTo";
                r.themes := delegation_board_texts(c.themes);
                r.purpose := c.purpose;
                r.business_opportunity := c.opportunity;
                r.registered_at := c.at;
                r.registered_by := c.actor;
                r.version := c.version;
                r.updated_at := c.at;
                r.operators := '{}';
                r.repeat_request := false;
                r.earlier_requests := '{}';
                r.supporting_operators := '{}';
                r.country := c.country;
                r.date_received := c.received;
                r.imported := coalesce(c.imported, false);
                dirty := true;
            END IF;
            CONTINUE;
        END IF;

        -- every other change moves an existing row that is behind it, or changes nothing
        moved := r.delegation_id IS NOT NULL AND r.version < c.version;
        IF NOT moved THEN
            CONTINUE;
        END IF;
        r.version := c.version;
        r.updated_at := c.at;
        dirty := true;

        IF c.event IN ('accepted', 'declined', 'escalated', 'assignment-withdrawn') THEN
            -- the answer to an offer made in this call changes the offer kept; otherwise the table's row
            k := array_position(offered, c.operator, offer_from);
            IF k IS NOT NULL THEN
                a := offers_out[k];
                IF c.event = 'accepted' THEN
                    a.state := 'ACCEPTED'; a.answered_at := c.at; a.reason := NULL; a.returned_to_desk := FALSE;
                ELSIF c.event = 'declined' THEN
                    a.state := 'DECLINED'; a.answered_at := c.at; a.reason := c.reason;
                    a.returned_to_desk := c.returned;
                ELSIF c.event = 'escalated' THEN
                    a.state := 'ESCALATED'; a.escalated_at := c.at;
                ELSE
                    a.state := 'WITHDRAWN'; a.answered_at := c.at;
                END IF;
                a.position := c.position;
                offers_out[k] := a;
                found_it := true;
            ELSIF NOT stored THEN
                found_it := false; -- no assignment of a delegation new in this call is in the table
            ELSIF c.event = 'accepted' THEN
                UPDATE delegation_assignment SET state = 'ACCEPTED', answered_at = c.at, reason = NULL,
                    returned_to_desk = FALSE, position = c.position
                WHERE delegation_id = d_id AND operator_id || '' = c.operator;
                found_it := FOUND;
            ELSIF c.event = 'declined' THEN
                UPDATE delegation_assignment SET state = 'DECLINED', answered_at = c.at, reason = c.reason,
                    returned_to_desk = c.returned, position = c.position
                WHERE delegation_id = d_id AND operator_id || '' = c.operator;
                found_it := FOUND;
            ELSIF c.event = 'escalated' THEN
                UPDATE delegation_assignment SET state = 'ESCALATED', position = c.position, escalated_at = c.at
                WHERE delegation_id = d_id AND operator_id || '' = c.operator;
                found_it := FOUND;
            ELSE
                UPDATE delegation_assignment SET state = 'WITHDRAWN', answered_at = c.at, position = c.position
                WHERE delegation_id = d_id AND operator_id || '' = c.operator;
                found_it := FOUND;
            END IF;
            -- an assignment found is seen by its operator while accepted or escalated, and no longer after an answer
            -- that ends it
            IF found_it THEN
                r.operators := delegation_board_seen_by(r.operators, c.operator, c.event IN ('accepted', 'escalated'));
            END IF;
        END IF;

        CASE c.event
        WHEN 'corrected' THEN
            r.channel := c.channel;
            r.requesting_organisation := c.organisation;
            r.origin_province := c.province;
            r.origin_city := c.city;
            r.delegation_type := c.type;
            r.political_level := c.level;
            r.head_count := c."headCount";
            r.wished_from := c."wishedFrom";
            r.wished_to := c."wishedTo";
            r.themes := delegation_board_texts(c.themes);
            r.purpose := c.purpose;
            r.country := c.country;
            r.date_received := c.received;
            IF c.reset THEN
                r.status := 'REQUESTED';
                r.repeat_request := false;
                r.earlier_requests := '{}';
                r.business_opportunity_assessment := NULL;
            END IF;

        WHEN 'screened' THEN
            r.status := 'SCREENED';
            r.repeat_request := c.repeat;
            r.earlier_requests := delegation_board_texts(c.earlier);
            r.business_opportunity_assessment := c.assessment;

        WHEN 'routed' THEN
            r.status := 'ROUTED';
            r.lead_operator := c.lead;
            r.supporting_operators := delegation_board_texts(c.supporting);
            r.routing_version := c.routing;
            r.routing_override := c.override;
            r.routing_reason := c.reason;

        WHEN 'refused' THEN
            INSERT INTO delegation_refusal (delegation_id, version, kind, code, reason, item_ids, refused_at)
            VALUES (d_id, c.version, c.kind, c.code, c.reason, delegation_board_texts(c.items), c.at)
            ON CONFLICT (delegation_id, version) DO NOTHING;

        WHEN 'offered' THEN
            -- as the upsert did: the offer replaces whatever the operator's assignment said
            a := ROW(d_id, c.operator, c.role, 'OFFERED', c.at, c.due, NULL, NULL, FALSE, c.position, NULL);
            k := array_position(offered, c.operator, offer_from);
            IF k IS NULL THEN
                offers_out := array_append(offers_out, a);
                offered := array_append(offered, c.operator);
            ELSE
                offers_out[k] := a;
            END IF;
            r.operators := delegation_board_seen_by(r.operators, c.operator, true);

        WHEN 'accepted' THEN
            IF c.lead::boolean AND r.status = 'ROUTED' THEN
                r.status := 'ACCEPTED';
            END IF;

        WHEN 'declined' THEN
            IF c.lead::boolean AND c.returned THEN
                r.status := 'SCREENED';
                r.lead_operator := NULL;
                r.supporting_operators := '{}';
            END IF;

        WHEN 'escalated', 'assignment-withdrawn' THEN
            NULL; -- only the assignment and the operators who see it, above

        WHEN 'scope-requested' THEN
            INSERT INTO delegation_scope_request (delegation_id, request_id, themes, reason, state)
            VALUES (d_id, c.request, delegation_board_texts(c.themes), c.reason, 'REQUESTED')
            ON CONFLICT (delegation_id, request_id) DO UPDATE SET themes = EXCLUDED.themes,
                reason = EXCLUDED.reason, state = 'REQUESTED', decision_reason = NULL;

        WHEN 'scope-approved' THEN
            r.themes := ARRAY(SELECT t FROM unnest(r.themes || delegation_board_texts(c.themes))
                WITH ORDINALITY AS u(t, n) GROUP BY t ORDER BY min(n));
            UPDATE delegation_scope_request SET state = 'APPROVED', decision_reason = NULL
            WHERE delegation_id = d_id AND request_id = c.request;

        WHEN 'scope-rejected' THEN
            UPDATE delegation_scope_request SET state = 'REJECTED', decision_reason = c.reason
            WHERE delegation_id = d_id AND request_id = c.request;

        WHEN 'item-added' THEN
            IF r.status = 'ACCEPTED' THEN
                r.status := 'PROGRAMME_PLANNED';
            END IF;
            IF stored THEN
                INSERT INTO delegation_programme_item (delegation_id, item_id, kind, title, starts_at, ends_at,
                    venue_id, host_id, host_is_hospital, planned_by, venue_is_hospital)
                VALUES (d_id, c.item, c.kind, c.title, c.starts, c.ends, c.venue, c.host, c."hostIsHospital",
                    c."plannedBy", c."venueIsHospital")
                ON CONFLICT (delegation_id, item_id) DO NOTHING;
            ELSE
                k := array_position(kept, c.item::varchar, item_from);
                -- as ON CONFLICT DO NOTHING: an item already kept stays as it is
                CONTINUE WHEN k IS NOT NULL;
                i := ROW(d_id, c.item, c.kind, c.title, c.starts, c.ends, c.venue, c.host, c."hostIsHospital",
                    c."plannedBy", NULL, NULL, NULL, NULL, FALSE, c."venueIsHospital");
                items_out := array_append(items_out, i);
                kept := array_append(kept, c.item::varchar);
            END IF;

        WHEN 'item-changed' THEN
            IF stored THEN
                UPDATE delegation_programme_item SET kind = c.kind, title = c.title, starts_at = c.starts,
                    ends_at = c.ends, venue_id = c.venue, host_id = c.host, host_is_hospital = c."hostIsHospital",
                    venue_is_hospital = c."venueIsHospital", confirmed = FALSE
                WHERE delegation_id = d_id AND item_id = c.item;
            ELSE
                k := array_position(kept, c.item::varchar, item_from);
                IF k IS NOT NULL THEN
                    i := items_out[k];
                    i.kind := c.kind; i.title := c.title; i.starts_at := c.starts; i.ends_at := c.ends;
                    i.venue_id := c.venue; i.host_id := c.host; i.host_is_hospital := c."hostIsHospital";
                    i.venue_is_hospital := c."venueIsHospital"; i.confirmed := FALSE;
                    items_out[k] := i;
                END IF;
            END IF;

        WHEN 'item-removed' THEN
            IF stored THEN
                DELETE FROM delegation_programme_item WHERE delegation_id = d_id AND item_id = c.item;
                found_it := EXISTS (SELECT 1 FROM delegation_programme_item WHERE delegation_id = d_id);
            ELSE
                -- as the DELETE: an item id that is null matches nothing
                items_out := items_out[1:item_from - 1] || ARRAY(SELECT p FROM unnest(items_out[item_from:]) p
                    WHERE c.item IS NULL OR p.item_id IS DISTINCT FROM c.item);
                kept := ARRAY(SELECT p.item_id FROM unnest(items_out) p);
                found_it := cardinality(items_out) >= item_from;
            END IF;
            -- as the aggregate does: a planned programme whose last item is gone is accepted again
            IF r.status = 'PROGRAMME_PLANNED' AND NOT found_it THEN
                r.status := 'ACCEPTED';
            END IF;

        WHEN 'cost-covered' THEN
            IF stored THEN
                UPDATE delegation_programme_item SET payer = c.payer, basis = c.basis, amount = c.amount,
                    currency = c.currency
                WHERE delegation_id = d_id AND item_id = c.item;
            ELSE
                k := array_position(kept, c.item::varchar, item_from);
                IF k IS NOT NULL THEN
                    i := items_out[k];
                    i.payer := c.payer; i.basis := c.basis; i.amount := c.amount; i.currency := c.currency;
                    items_out[k] := i;
                END IF;
            END IF;

        WHEN 'confirmed' THEN
            r.status := 'CONFIRMED';
            IF stored THEN
                UPDATE delegation_programme_item SET confirmed = TRUE WHERE delegation_id = d_id;
            ELSE
                FOR j IN item_from .. cardinality(items_out) LOOP
                    i := items_out[j];
                    i.confirmed := TRUE;
                    items_out[j] := i;
                END LOOP;
            END IF;

        WHEN 'reopened' THEN
            r.status := 'PROGRAMME_PLANNED';
            IF stored THEN
                UPDATE delegation_programme_item SET confirmed = FALSE WHERE delegation_id = d_id;
            ELSE
                FOR j IN item_from .. cardinality(items_out) LOOP
                    i := items_out[j];
                    i.confirmed := FALSE;
                    items_out[j] := i;
                END LOOP;
            END IF;

        WHEN 'completed' THEN
            r.status := 'COMPLETED';
            r.outcome := c.outcome;

        WHEN 'closed' THEN
            r.status := c.status;
            r.closing_reason := c.reason;

        WHEN 'opportunity' THEN
            r.business_opportunity := c.opportunity;

        WHEN 'advanced' THEN
            NULL; -- only the version and time, above

        ELSE
            RAISE EXCEPTION 'delegation_board_apply: unknown change %', c.event;
        END CASE;
    END LOOP;

    IF dirty THEN
        rows_out := array_append(rows_out, r);
        IF stored THEN
            replaced := array_append(replaced, d_id);
        END IF;
    END IF;

    IF cardinality(replaced) > 0 THEN
        DELETE FROM delegation_board WHERE delegation_id = ANY (replaced);
    END IF;
    IF cardinality(rows_out) > 0 THEN
        INSERT INTO delegation_board SELECT * FROM unnest(rows_out);
    END IF;
    IF cardinality(offers_out) > 0 THEN
        INSERT INTO delegation_assignment SELECT * FROM unnest(offers_out)
        ON CONFLICT (delegation_id, operator_id) DO UPDATE SET role = EXCLUDED.role, state = EXCLUDED.state,
            offered_at = EXCLUDED.offered_at, due_at = EXCLUDED.due_at, answered_at = EXCLUDED.answered_at,
            reason = EXCLUDED.reason, returned_to_desk = EXCLUDED.returned_to_desk, position = EXCLUDED.position,
            escalated_at = EXCLUDED.escalated_at;
    END IF;
    IF cardinality(items_out) > 0 THEN
        INSERT INTO delegation_programme_item SELECT * FROM unnest(items_out)
        ON CONFLICT (delegation_id, item_id) DO NOTHING;
    END IF;
END
$$;
