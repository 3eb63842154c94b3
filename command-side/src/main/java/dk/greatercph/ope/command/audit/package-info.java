/** Auditors' view of one aggregate: its whole history, and its state as of any moment or version. */
package dk.greatercph.ope.command.audit;
