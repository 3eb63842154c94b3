/** One place that turns every error into an RFC 9457 problem response with a stable {@code code}. */
package dk.greatercph.ope.platform.problem;
