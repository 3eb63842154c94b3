/**
 * Fault tests on the built jars as separate processes (Maven failsafe, {@code *FaultIT}): killed, frozen and
 * restarted, with the harness that starts and always destroys them.
 */
package dk.greatercph.ope.app.fault;
