-- The inbox says the delegation's status beside each assignment: a delegation withdrawn, cancelled or completed after
-- its acceptance stood among the accepted ones as if nothing had happened. Still read only through this view.
CREATE OR REPLACE VIEW inbox_assignment AS
SELECT a.delegation_id, a.operator_id, a.role, a.state, a.offered_at, a.due_at, a.answered_at, a.reason,
       a.returned_to_desk, a.position, b.requesting_organisation, b.wished_from, b.wished_to,
       b.status AS delegation_status
FROM delegation_assignment a
LEFT JOIN delegation_board b ON b.delegation_id = a.delegation_id;
