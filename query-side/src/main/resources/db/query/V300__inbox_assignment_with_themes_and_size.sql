-- An offer in the inbox tells what the operator decides on: the delegation's themes, its size and whether it repeats
-- an earlier request (R8). A card showed the organisation, the dates and the role only, so a repeat request looked
-- exactly like the first. Still read only through this view (V80, V298).
CREATE OR REPLACE VIEW inbox_assignment AS
SELECT a.delegation_id, a.operator_id, a.role, a.state, a.offered_at, a.due_at, a.answered_at, a.reason,
       a.returned_to_desk, a.position, b.requesting_organisation, b.wished_from, b.wished_to,
       b.status AS delegation_status, b.themes, b.head_count, b.repeat_request
FROM delegation_assignment a
LEFT JOIN delegation_board b ON b.delegation_id = a.delegation_id;
