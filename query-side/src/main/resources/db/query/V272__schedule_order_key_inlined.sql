-- V270's schedule_order_key, declared STABLE so that PostgreSQL inlines it: declared IMMUTABLE, its body's
-- convert_to (STABLE) kept it from being inlined, and each call went through the SQL function executor. Inlined, it is
-- the very expression ScheduleProjection wrote out for the schedule's pages, which now call it, so the key is
-- defined once in SQL. Over the 125,214 items of a kept benchmark run, computing every key took 166-178 ms called,
-- 56 ms inlined (docs/performance.md, "The order key defined once").
ALTER FUNCTION schedule_order_key(VARCHAR, VARCHAR) STABLE;
