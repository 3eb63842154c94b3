/** Benchmark programs: they start the real application and print numbers; they assert nothing. */
package dk.greatercph.ope.app.bench;
