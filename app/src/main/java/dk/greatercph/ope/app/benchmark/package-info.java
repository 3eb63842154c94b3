/**
 * The one benchmark command ({@code java -jar app.jar benchmark}): starts the application on fresh embedded
 * PostgreSQL data folders, measures what PostgreSQL itself manages on the same database in the same run, then every
 * figure of the performance table, and prints each with its ratio and target. See docs/performance.md.
 */
package dk.greatercph.ope.app.benchmark;
