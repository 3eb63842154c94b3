-- One statement that runs longer than the pool's socket timeout in the test (1 s), as an index built over a large
-- table at an upgrade may run longer than the application's (10 s).
SELECT pg_sleep(2.5);
CREATE TABLE gate_long_probe (answer integer NOT NULL);
INSERT INTO gate_long_probe VALUES (7);
