-- A command's commit waits at most 8 s for the append lock; then it fails, and its transaction rolls back.
--
-- Why: the pool's connections stop waiting for an answer after the driver's socketTimeout (10 s, PlatformDefaults).
-- A command's commit waits for the append lock inside PostgreSQL (V5), so a commit queued longer than that (behind an
-- append of more than 16 events, the only kind that holds the lock before its commit) was answered 503 while
-- PostgreSQL went on waiting, and committed once the lock came: a refused request that was recorded after all
-- (docs/durability.md). Bounded below the socket timeout, PostgreSQL ends the wait itself with lock_not_available
-- (55P03): the commit fails, nothing is recorded, and the request is answered 503 as refused.
ALTER FUNCTION ope_event_commit_order() SET lock_timeout = '8s';
