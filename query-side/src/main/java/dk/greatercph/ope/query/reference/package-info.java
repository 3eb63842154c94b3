/** Names of partners and venues, projected for the schedule and the delegation views. */
package dk.greatercph.ope.query.reference;
