/** The query side: projections into PostgreSQL tables and the REST query API over them. */
package dk.greatercph.ope.query;
