-- The programme editor's venue picker says which venues are hospitals (R3): the reference-names projection keeps a
-- venue's kind (VenueRegisteredEvent revision 2; revision 1 reads as OTHER). Venues projected before are known to be
-- hospitals where a programme item held there was; the others stay unknown (NULL) until reference-names is replayed,
-- which writes every kind from the events.
ALTER TABLE venue_name ADD COLUMN kind VARCHAR(32);
UPDATE venue_name v SET kind = 'HOSPITAL'
WHERE EXISTS (SELECT 1 FROM delegation_programme_item i WHERE i.venue_id = v.venue_id AND i.venue_is_hospital);
