-- A reset's TRUNCATE takes each table's exclusive lock in turn. A reader's join holding one of the tables and
-- waiting for another that the TRUNCATE already holds made a deadlock, which PostgreSQL found after
-- deadlock_timeout (1 s) and broke by failing one side: a reader (409 on a GET) or the reset itself (the replay
-- refused). With the lock wait shorter than deadlock_timeout the TRUNCATE gives way first, releasing what it holds,
-- and projection_reset (V250) deletes the rows instead, which readers do not block.
ALTER FUNCTION projection_reset(text) SET lock_timeout = '500ms';
