/** The notification pages: an owner's e-mail recipients and webhooks, and the administrator's outbox. */
package dk.greatercph.ope.web.notification;
