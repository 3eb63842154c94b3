-- R3 follows the place as well as the host: venues know what kind of place they are (VenueRegisteredEvent
-- revision 2). Venues registered before read as OTHER, as their events do.
ALTER TABLE venue_directory ADD COLUMN kind VARCHAR(32) NOT NULL DEFAULT 'OTHER';
