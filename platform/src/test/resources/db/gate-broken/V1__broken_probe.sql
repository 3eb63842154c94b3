CREATE TABLE gate_broken_probe (answer integer NOT NULL);
INSERT INTO gate_broken_probe VALUES ('not a number');
