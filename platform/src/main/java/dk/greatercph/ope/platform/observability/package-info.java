/** What operators see of a running process: metrics for Prometheus, the correlation id in every log line and message. */
package dk.greatercph.ope.platform.observability;
