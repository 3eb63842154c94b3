/** The auditors' view of the event store itself: the global ordered log with who, when and why. */
package dk.greatercph.ope.query.audit;
