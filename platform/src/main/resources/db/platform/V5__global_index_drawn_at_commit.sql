-- A command's events get their global index and their link in the hash chain while their transaction commits,
-- instead of in the statements before: the append lock is then held only for the commit itself.
--
-- Why: appends are serialised by a transaction-level advisory lock so that global indexes become visible in the
-- order they were drawn (no gap a streaming processor could skip for good, AxonFramework issue 4829) and so that the
-- chain is linked in that order. Taken in the append's first statement, the lock was held through two more round
-- trips to the JVM and the commit's: sampled inside PostgreSQL at 785 registrations a second, it was held all the
-- time, 1.27 ms an append, of which about 0.7 ms the holder waited for its Java thread to send the next statement
-- (docs/performance.md, "Where the append lock's hold goes"). The rate of registrations was one over that hold.
--
-- How: CommitOrderedJdbcEventStorageEngine inserts a command's events with provisional, negative global indexes
-- drawn from their own sequence, and takes no lock. This deferred constraint trigger fires for each such row when
-- its transaction commits, in the order the rows were inserted: it takes the append lock, draws the real index from
-- domain_event_global_index_seq, gives it to the row, and writes the row's link from the chain's head. The lock
-- is released when the commit ends, so indexes still become visible in the order they were drawn, and a
-- transaction that stays open long (LateCommitTest) no longer holds every other append back: it is ordered by when
-- it commits. A provisional index is never seen by another transaction: the commit either gives the row its index
-- or rolls it back. Unique keys (the aggregate's sequence number, the event id) are still checked at the insert.
--
-- The link is what EventChain.link computes in Java, over the row as stored: SHA-256 over the previous link, the
-- global index and the sequence number as 8-byte big-endian integers, then each text (UTF-8) and byte array as a
-- 4-byte big-endian length (-1 when absent) and its bytes. The verification recomputes it in Java.
--
-- The application's role may only insert into the event log (docs/database-roles.md), so the function runs with
-- its owner's rights; it changes nothing but the global index of the row that fired it, and only while that row's
-- index is still provisional.
CREATE SEQUENCE domain_event_provisional_index_seq;

CREATE FUNCTION ope_event_link(previous BYTEA, event DomainEventEntry) RETURNS BYTEA
    LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
DECLARE
    message BYTEA := previous || int8send(event.globalIndex) || int8send(event.sequenceNumber);
    field BYTEA;
BEGIN
    FOREACH field IN ARRAY ARRAY[convert_to(event.eventIdentifier, 'UTF8'),
            convert_to(event.aggregateIdentifier, 'UTF8'), convert_to(event.type, 'UTF8'),
            convert_to(event.payloadType, 'UTF8'), convert_to(event.payloadRevision, 'UTF8'), event.payload,
            event.metaData, convert_to(event.timeStamp, 'UTF8')] LOOP
        IF field IS NULL THEN
            message := message || int4send(-1);
        ELSE
            message := message || int4send(length(field)) || field;
        END IF;
    END LOOP;
    RETURN sha256(message);
END
$$;

CREATE FUNCTION ope_event_commit_order() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    previous BYTEA;
    event DomainEventEntry;
BEGIN
    -- CommitOrderedJdbcEventStorageEngine.APPEND_LOCK_KEY
    PERFORM pg_advisory_xact_lock(5715143987804786757);
    -- A statement after the lock's: it sees every append committed before the lock was granted.
    SELECT link INTO previous FROM event_chain ORDER BY global_index DESC LIMIT 1;
    UPDATE DomainEventEntry SET globalIndex = nextval('domain_event_global_index_seq')
        WHERE globalIndex = NEW.globalIndex AND NEW.globalIndex < 0
        RETURNING * INTO event;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'the event % with the provisional global index % was not found at commit',
            NEW.eventIdentifier, NEW.globalIndex;
    END IF;
    IF previous IS NOT NULL THEN
        INSERT INTO event_chain (global_index, event_identifier, link)
            VALUES (event.globalIndex, event.eventIdentifier, ope_event_link(previous, event));
        RETURN NULL;
    END IF;
    -- The first link: every stored event is linked in order, as linkHistoryIfChainIsEmpty does.
    previous := decode(repeat('00', 32), 'hex');
    FOR event IN SELECT * FROM DomainEventEntry WHERE globalIndex > 0 ORDER BY globalIndex LOOP
        previous := ope_event_link(previous, event);
        INSERT INTO event_chain (global_index, event_identifier, link)
            VALUES (event.globalIndex, event.eventIdentifier, previous);
    END LOOP;
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER domain_event_commit_order AFTER INSERT ON DomainEventEntry
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.globalIndex < 0)
    EXECUTE FUNCTION ope_event_commit_order();
