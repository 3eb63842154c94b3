/** What the query side's own tests share: one embedded PostgreSQL with the query side's schema, and test data. */
package dk.greatercph.ope.query.support;
