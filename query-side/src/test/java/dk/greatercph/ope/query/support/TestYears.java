package dk.greatercph.ope.query.support;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Years of their own for tests that list a year: each call gives a year no other test of this run got, far from
 * real data. The tests share one database per run, and years drawn at random collided now and then (two trips in
 * one test's year).
 */
public final class TestYears {

    private static final AtomicInteger NEXT = new AtomicInteger(2200);

    private TestYears() {
    }

    /** A year no earlier call of this run returned; the one after it is free too. */
    public static int next() {
        return NEXT.getAndAdd(2);
    }
}
