-- The folded rows inserted from JSON (where the rows do not go by COPY: a database whose collation does not order
-- text by code point) take the mark of requests recorded by an import (V293) too. V230's function, with the column
-- added to the end of its list.
CREATE OR REPLACE FUNCTION delegation_board_insert_new(ids varchar[], folded jsonb) RETURNS varchar[] LANGUAGE plpgsql
    SET enable_seqscan = off AS $$
DECLARE
    stored varchar[];
BEGIN
    stored := ARRAY(SELECT b.delegation_id FROM delegation_board b WHERE b.delegation_id = ANY (ids));

    INSERT INTO delegation_board
    SELECT r.delegation_id, r.board_position, r.status, r.channel, r.requesting_organisation, r.origin_province,
           r.origin_city, r.delegation_type, r.political_level, r.head_count, r.wished_from, r.wished_to, r.themes,
           r.purpose, r.business_opportunity, r.registered_at, r.registered_by, r.version, r.updated_at,
           ARRAY(SELECT o FROM unnest(r.operators) AS o ORDER BY o), r.repeat_request, r.earlier_requests,
           r.business_opportunity_assessment, r.lead_operator, r.supporting_operators, r.routing_version,
           r.routing_override, r.routing_reason, r.closing_reason, r.outcome, r.country, r.date_received,
           coalesce(r.imported, false)
    FROM jsonb_populate_recordset(NULL::delegation_board, folded -> 'boards') AS r
    WHERE r.delegation_id <> ALL (stored);

    IF folded ? 'assignments' THEN
        INSERT INTO delegation_assignment
        SELECT * FROM jsonb_populate_recordset(NULL::delegation_assignment, folded -> 'assignments') AS a
        WHERE a.delegation_id <> ALL (stored)
        ON CONFLICT (delegation_id, operator_id) DO UPDATE SET role = EXCLUDED.role, state = EXCLUDED.state,
            offered_at = EXCLUDED.offered_at, due_at = EXCLUDED.due_at, answered_at = EXCLUDED.answered_at,
            reason = EXCLUDED.reason, returned_to_desk = EXCLUDED.returned_to_desk, position = EXCLUDED.position,
            escalated_at = EXCLUDED.escalated_at;
    END IF;

    IF folded ? 'items' THEN
        INSERT INTO delegation_programme_item
        SELECT * FROM jsonb_populate_recordset(NULL::delegation_programme_item, folded -> 'items') AS i
        WHERE i.delegation_id <> ALL (stored)
        ON CONFLICT (delegation_id, item_id) DO NOTHING;
    END IF;

    IF folded ? 'scopeRequests' THEN
        INSERT INTO delegation_scope_request
        SELECT * FROM jsonb_populate_recordset(NULL::delegation_scope_request, folded -> 'scopeRequests') AS s
        WHERE s.delegation_id <> ALL (stored)
        ON CONFLICT (delegation_id, request_id) DO UPDATE SET themes = EXCLUDED.themes, reason = EXCLUDED.reason,
            state = EXCLUDED.state, decision_reason = EXCLUDED.decision_reason;
    END IF;

    IF folded ? 'refusals' THEN
        INSERT INTO delegation_refusal
        SELECT * FROM jsonb_populate_recordset(NULL::delegation_refusal, folded -> 'refusals') AS f
        WHERE f.delegation_id <> ALL (stored)
        ON CONFLICT (delegation_id, version) DO NOTHING;
    END IF;

    RETURN stored;
END
$$;
