/**
 * People in the log: personal fields are stored only sealed with the person's own data key, so that erasing
 * the key erases the data everywhere the log is replayed (rule R9).
 */
package dk.greatercph.ope.events.person;
