-- Venues and partners can be corrected (VenueCorrectedEvent, PartnerCorrectedEvent): the name tables keep the
-- version each row was written at, so that a correction's read-your-writes (?minVersion) and a replay that meets an
-- event twice both see where the row stands. Rows written before are at their registration, version 0.
ALTER TABLE venue_name ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE partner_name ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
