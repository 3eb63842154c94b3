-- Which operators were ever offered an assignment on which delegation: consulted before a delegation is loaded,
-- so an operator's command on a delegation it was never given answers as fast as one on a delegation that does
-- not exist. Written with each AssignmentOfferedEvent; rebuildable from the event store.
CREATE TABLE delegation_operator (
    delegation_id VARCHAR(64) NOT NULL,
    operator_id   VARCHAR(32) NOT NULL,
    PRIMARY KEY (delegation_id, operator_id)
);

-- The offers already recorded before this table existed (payloads are the events' JSON).
INSERT INTO delegation_operator (delegation_id, operator_id)
SELECT DISTINCT
       CASE jsonb_typeof(p -> 'delegationId') WHEN 'string' THEN p ->> 'delegationId' ELSE p -> 'delegationId' ->> 'value' END,
       CASE jsonb_typeof(p -> 'operatorId') WHEN 'string' THEN p ->> 'operatorId' ELSE p -> 'operatorId' ->> 'value' END
FROM (SELECT CAST(convert_from(payload, 'UTF8') AS JSONB) AS p
      FROM DomainEventEntry
      WHERE payloadType = 'dk.greatercph.ope.events.delegation.AssignmentOfferedEvent') offered
ON CONFLICT DO NOTHING;
