-- The operators a delegation is assigned to (lead and supporting): an operator sees only these delegations.
ALTER TABLE delegation_board ADD COLUMN operators TEXT[] NOT NULL DEFAULT '{}';
