-- A lead's decline now withdraws the supporting offers nobody answered as it sends the delegation back to the desk;
-- delegations sent back before kept them open, so a supporting operator could accept on a delegation with no lead
-- (UnansweredOffersLeftOpen).
INSERT INTO upgrade_command_due (step, reason)
SELECT 'withdraw-supporting-offers-of-delegations-their-lead-declined',
       'Supporting offers left unanswered when the lead declined and the delegation went back to the desk'
WHERE EXISTS (SELECT 1 FROM delegation_request_history);
