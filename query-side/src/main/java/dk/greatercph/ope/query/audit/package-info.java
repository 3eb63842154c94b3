/**
 * The auditors' view of the event store itself: the global ordered log with who, when and why, the
 * verification of its hash chain, signed checkpoints, and the NDJSON export.
 */
package dk.greatercph.ope.query.audit;
