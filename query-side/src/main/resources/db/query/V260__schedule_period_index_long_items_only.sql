-- The period index (V130) held every programme item, and entering an item into a GiST index cost about as much as
-- all its other index entries together: the schedule's item inserts were, after the event store's own, the largest
-- statement of the live projections (docs/performance.md). Almost every item lasts hours. An item lasting at most a
-- day that overlaps a period starts at most a day before it, so the time index (starts_at, ends_at) finds it; the
-- period index now holds only the other items, and the queries ask for each kind in its own branch, the second with
-- this condition word for word, so that PostgreSQL knows the index holds what it asks for.
DROP INDEX schedule_item_period;
CREATE INDEX schedule_item_long_period ON schedule_item
    USING GIST (tstzrange(LEAST(starts_at, ends_at), GREATEST(starts_at, ends_at), '[]'))
    WHERE (ends_at < starts_at OR ends_at - starts_at > interval '24 hours');
