/** Partners and venues: their names for the schedule and the delegation views, and the pickers' lists. */
package dk.greatercph.ope.query.reference;
