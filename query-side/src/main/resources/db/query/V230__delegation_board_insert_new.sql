-- The rows of delegations registered in a batch, folded by the projection (BoardFold) and inserted once each, instead
-- of each of their changes taken one by one by delegation_board_apply.
--
-- In a replay nearly every delegation is registered in the batch that holds its other changes; the function's loop
-- over the changes was most of PostgreSQL's time in the board's replay (docs/performance.md, "The board's rows folded
-- before they are sent").
--
-- The projection folds what delegation_board_apply would leave for a delegation that is not on the board when the call
-- begins. Whether it is, only the table knows: a delegation already on the board (an event seen before) is left out
-- here and returned, and the projection sends its changes to delegation_board_apply, in the same transaction.
--
-- A table none of the delegations has a row for is left out of folded (most registrations have only their board row).
--
-- The operators who see a delegation are ordered here, by the database's collation, as delegation_board_seen_by
-- keeps them. The child tables' conflicts are taken as the function takes them, though a delegation not on the board
-- has no rows in them: this projection writes them only for a delegation on its board, and removes a board row only
-- with all of them (the reset).
CREATE FUNCTION delegation_board_insert_new(ids varchar[], folded jsonb) RETURNS varchar[] LANGUAGE plpgsql
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
           r.routing_override, r.routing_reason, r.closing_reason, r.outcome, r.country, r.date_received
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
