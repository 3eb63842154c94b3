-- Commands an upgrade owes the history, sent once by the system at the next start (a fresh database owes none).
CREATE TABLE upgrade_command_due (
    step      VARCHAR(100) PRIMARY KEY,
    reason    TEXT         NOT NULL,
    due_since TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- Closing a delegation now withdraws the offers nobody answered; delegations closed before kept them OFFERED in the
-- operators' inboxes (UnansweredOffersOfClosedDelegations).
INSERT INTO upgrade_command_due (step, reason)
SELECT 'withdraw-unanswered-offers-of-closed-delegations',
       'Offers left unanswered when a delegation was cancelled, declined or completed'
WHERE EXISTS (SELECT 1 FROM delegation_request_history);
