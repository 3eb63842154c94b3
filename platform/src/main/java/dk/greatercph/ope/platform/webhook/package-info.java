/** Where a webhook may point (SSRF guard) and the signing secrets of webhook subscriptions, for both sides. */
package dk.greatercph.ope.platform.webhook;
