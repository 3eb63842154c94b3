/** The database the events live in: durable commits checked at start, availability probed, outages answered 503. */
package dk.greatercph.ope.platform.database;
