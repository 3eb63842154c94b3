/** Durable commits and database faults: refusal of unsafe commits, PostgreSQL killed (F4), paused and killed (F7). */
package dk.greatercph.ope.app.durability;
