-- An operator that declined, or whose offer was withdrawn, reads the delegation as not there (404), yet its inbox
-- entry went on showing what became of it: its status (CANCELLED), themes a scope expansion added later, its size.
-- Such an entry now shows the organisation and the wished dates it was offered with, and nothing that followed. Still
-- read only through this view (V80, V298, V300).
CREATE OR REPLACE VIEW inbox_assignment AS
SELECT a.delegation_id, a.operator_id, a.role, a.state, a.offered_at, a.due_at, a.answered_at, a.reason,
       a.returned_to_desk, a.position, b.requesting_organisation, b.wished_from, b.wished_to,
       CASE WHEN a.state IN ('OFFERED', 'ESCALATED', 'ACCEPTED') THEN b.status END::varchar(32) AS delegation_status,
       CASE WHEN a.state IN ('OFFERED', 'ESCALATED', 'ACCEPTED') THEN b.themes END AS themes,
       CASE WHEN a.state IN ('OFFERED', 'ESCALATED', 'ACCEPTED') THEN b.head_count END AS head_count,
       CASE WHEN a.state IN ('OFFERED', 'ESCALATED', 'ACCEPTED') THEN b.repeat_request END AS repeat_request
FROM delegation_assignment a
LEFT JOIN delegation_board b ON b.delegation_id = a.delegation_id;
