-- Province and city are optional for requests from outside China (country of origin, DelegationRegisteredEvent
-- revision 2).
ALTER TABLE delegation_board ALTER COLUMN origin_province DROP NOT NULL;
ALTER TABLE kpi_delegation ALTER COLUMN origin_province DROP NOT NULL;
