-- R5, the desk's escalations. The delegation-board projection owns delegation_assignment and delegation_board; the
-- escalation list reads them only through this view: every unanswered assignment (offered or escalated) with its
-- delegation's organisation, wished dates and status. A view holds no rows, so replaying the board is all it needs.
CREATE VIEW desk_escalation AS
SELECT a.delegation_id, a.operator_id, a.role, a.state, a.offered_at, a.due_at, a.escalated_at,
       b.requesting_organisation, b.wished_from, b.wished_to, b.status AS delegation_status
FROM delegation_assignment a
JOIN delegation_board b ON b.delegation_id = a.delegation_id
WHERE a.state IN ('OFFERED', 'ESCALATED');
