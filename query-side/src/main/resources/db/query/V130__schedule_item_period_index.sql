-- The schedule's questions ask for the items overlapping a few days. A b-tree on (starts_at, ends_at) can bound
-- only one side of that, so a week in the middle of the schedule read every item before it; a GiST index on the
-- item's period answers the overlap directly. LEAST/GREATEST keep the range valid for any row the projection
-- writes, so the index never refuses a row and never leaves out one the exact condition keeps.
CREATE INDEX schedule_item_period ON schedule_item
    USING GIST (tstzrange(LEAST(starts_at, ends_at), GREATEST(starts_at, ends_at), '[]'));
