/**
 * Notifications as side effects of events: the settings view, the notifier that decides what to send into a
 * transactional outbox (never on replay), the sender that delivers e-mails and signed webhooks, and the outbox's
 * administration.
 */
package dk.greatercph.ope.query.notification;
