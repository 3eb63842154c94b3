-- The delegation-board projection owns delegation_board and delegation_assignment; the inbox reads them only
-- through this view: every assignment with the delegation's organisation and wished dates. A view holds no rows,
-- so replaying the board is all a replay of the inbox needs.
CREATE VIEW inbox_assignment AS
SELECT a.delegation_id, a.operator_id, a.role, a.state, a.offered_at, a.due_at, a.answered_at, a.reason,
       a.returned_to_desk, a.position, b.requesting_organisation, b.wished_from, b.wished_to
FROM delegation_assignment a
LEFT JOIN delegation_board b ON b.delegation_id = a.delegation_id;
