-- Keys are scoped by the authenticated principal (issuer + subject), not by the user name alone; every record
-- expires; a request in flight holds a lease that a retry may take over once it has run out (the request
-- crashed), instead of answering 409 for that key forever.
-- Records kept so far were keyed by user name. They become records of configured (HTTP Basic) users, which
-- is what most of them are; they expire 24 hours after they were made, like every record from now on.
ALTER TABLE idempotency_record RENAME COLUMN actor TO subject;
ALTER TABLE idempotency_record ALTER COLUMN subject TYPE VARCHAR(500);
ALTER TABLE idempotency_record ADD COLUMN issuer VARCHAR(500) NOT NULL DEFAULT 'ope:basic';
ALTER TABLE idempotency_record ALTER COLUMN issuer DROP DEFAULT;
ALTER TABLE idempotency_record ADD COLUMN attempt UUID;
ALTER TABLE idempotency_record ADD COLUMN lease_until TIMESTAMPTZ NOT NULL DEFAULT now();
ALTER TABLE idempotency_record ALTER COLUMN lease_until DROP DEFAULT;
ALTER TABLE idempotency_record ADD COLUMN expires_at TIMESTAMPTZ;
UPDATE idempotency_record SET expires_at = created_at + INTERVAL '24 hours';
ALTER TABLE idempotency_record ALTER COLUMN expires_at SET NOT NULL;
ALTER TABLE idempotency_record DROP CONSTRAINT idempotency_record_pkey;
ALTER TABLE idempotency_record ADD PRIMARY KEY (issuer, subject, idem_key);
DROP INDEX idempotency_record_created;
CREATE INDEX idempotency_record_expires ON idempotency_record (expires_at);
