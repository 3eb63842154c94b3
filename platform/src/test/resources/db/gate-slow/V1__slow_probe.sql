-- long enough that a bean created meanwhile would find no table without the gate
SELECT pg_sleep(1.5);
CREATE TABLE gate_slow_probe (answer integer NOT NULL);
INSERT INTO gate_slow_probe VALUES (42);
