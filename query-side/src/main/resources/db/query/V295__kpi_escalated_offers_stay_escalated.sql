-- An offer that escalated stays escalated in the KPIs when it is withdrawn afterwards (KpiProjection.answer): rows
-- written before hold such offers as WITHDRAWN, out of the acceptance rate of the operators who let them run out.
INSERT INTO projection_rebuild_due (projection, reason)
SELECT 'kpi', 'escalated offers withdrawn afterwards count as escalated'
WHERE EXISTS (SELECT 1 FROM kpi_offer WHERE state = 'WITHDRAWN')
ON CONFLICT DO NOTHING;
