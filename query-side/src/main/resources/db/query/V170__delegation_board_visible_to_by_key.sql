-- The operators who see a delegation, read by the assignments' key alone.
--
-- V160's version filtered on the delegation and the assignment's state in one scan. In a session whose plan was made
-- without statistics for delegation_assignment (a fresh database: the board's function runs long before autovacuum
-- first analyses the table), PostgreSQL combined the key's index with delegation_assignment_open (state, due_at) in a
-- bitmap, and every call read every index entry of the three states: in a run of the benchmark, 9,184 calls read
-- 233,899,832 entries of that index (25,468 a call), while the key finds a delegation's few rows. The state is now
-- filtered above a subquery the planner cannot flatten (OFFSET 0), so only an index on the delegation can serve it.
CREATE OR REPLACE FUNCTION delegation_board_visible_to(delegation varchar) RETURNS text[] LANGUAGE plpgsql STABLE AS $$
BEGIN
    RETURN ARRAY(SELECT a.operator_id
                 FROM (SELECT operator_id, state FROM delegation_assignment
                       WHERE delegation_id = delegation OFFSET 0) AS a
                 WHERE a.state IN ('OFFERED', 'ACCEPTED', 'ESCALATED')
                 ORDER BY a.operator_id);
END
$$;
