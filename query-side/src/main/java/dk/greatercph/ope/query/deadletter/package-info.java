/** Dead letters: events a projection could not apply, parked per aggregate until an administrator retries or evicts them. */
package dk.greatercph.ope.query.deadletter;
