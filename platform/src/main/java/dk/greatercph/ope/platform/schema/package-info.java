/** Schema by Flyway: the platform's tables, then each module's own migrations with their own history. */
package dk.greatercph.ope.platform.schema;
