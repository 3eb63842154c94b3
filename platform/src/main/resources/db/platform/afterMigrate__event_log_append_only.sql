-- After every migration of the platform's schema: the event log is append-only for every role but the one
-- that migrates it. A role granted more (for example by ALTER DEFAULT PRIVILEGES) keeps SELECT and INSERT on
-- the events, their hash chain and the checkpoint key, and loses UPDATE, DELETE and TRUNCATE on them.
-- Processes starting together (split mode) run this at the same time; concurrent GRANT/REVOKE on one table fail
-- with "tuple concurrently updated", so they take turns (the lock ends with this script's transaction).
SELECT pg_advisory_xact_lock(7264830119);

REVOKE UPDATE, DELETE, TRUNCATE ON DomainEventEntry, event_chain, audit_signing_key FROM PUBLIC;

DO $$
DECLARE
    other_role TEXT;
BEGIN
    FOR other_role IN
        SELECT DISTINCT grantee FROM information_schema.role_table_grants
        WHERE table_schema = current_schema()
          AND table_name IN ('domainevententry', 'event_chain', 'audit_signing_key')
          AND privilege_type IN ('UPDATE', 'DELETE', 'TRUNCATE')
          AND grantee NOT IN (current_user, 'PUBLIC')
    LOOP
        EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON DomainEventEntry, event_chain, audit_signing_key FROM %I',
                       other_role);
    END LOOP;
END $$;
