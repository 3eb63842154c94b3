-- The trip's leader is a person (R9): the view keeps whose name it shows, so that an erasure can drop it.
ALTER TABLE trip_view ADD COLUMN leader_person_id VARCHAR(64);
CREATE INDEX trip_view_leader_person ON trip_view (leader_person_id);
