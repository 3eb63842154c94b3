-- The board's reset (before a replay) empties its five tables with TRUNCATE instead of DELETE.
--
-- DELETE left every row as a dead tuple until autovacuum came by: the replay then inserted the same keys again into
-- tables and indexes full of dead entries (each primary-key check visits the dead row it finds, the indexes grow to
-- twice their size), and autovacuum vacuumed the tables while the replay ran. TRUNCATE gives the replay empty files.
--
-- The application's role may lack TRUNCATE on these tables (docs/database-roles.md grants SELECT, INSERT, UPDATE and
-- DELETE), so the function runs with its owner's rights, the role that ran this migration and owns the tables, and
-- with the search path it was created with. It truncates these five tables and nothing else, which a role that may
-- DELETE from them could empty anyway.
--
-- TRUNCATE waits for every transaction reading these tables and holds back new readers until the reset commits.
-- The reset's transaction is short (Axon stores the replay's tokens in it), and a reader that keeps the tables longer
-- than lock_timeout gets the rows deleted as before instead of stalling the board.
CREATE FUNCTION delegation_board_reset() RETURNS void LANGUAGE plpgsql SECURITY DEFINER
    SET search_path FROM CURRENT SET lock_timeout = '2s' AS $$
BEGIN
    TRUNCATE delegation_refusal, delegation_scope_request, delegation_programme_item, delegation_assignment,
        delegation_board;
EXCEPTION WHEN lock_not_available THEN
    RAISE WARNING 'the board''s tables were busy: deleting their rows instead of truncating them';
    DELETE FROM delegation_refusal;
    DELETE FROM delegation_scope_request;
    DELETE FROM delegation_programme_item;
    DELETE FROM delegation_assignment;
    DELETE FROM delegation_board;
END
$$;
