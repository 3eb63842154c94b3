-- Which of the delegations a batch folded are on the board already: the first step of V230's
-- delegation_board_insert_new on its own, for the projection that writes the other delegations' folded rows by COPY
-- (docs/performance.md, "The folded rows by COPY"). Its changes then go to delegation_board_apply, as with V230.
--
-- A function, so that the lookup keeps V230's setting: by the key, whatever plan statistics made on an empty table
-- (the reset truncates it) would choose.
CREATE FUNCTION delegation_board_stored(ids varchar[]) RETURNS varchar[] LANGUAGE sql STABLE
    SET enable_seqscan = off AS $$
    SELECT ARRAY(SELECT b.delegation_id FROM delegation_board b WHERE b.delegation_id = ANY (ids))
$$;
