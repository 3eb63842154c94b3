/** The event store on PostgreSQL: commit-ordered appends, JSON (Jackson 3) serialization, saga and token tables. */
package dk.greatercph.ope.platform.eventstore;
