/**
 * Events of the notification settings: who of an operator (or of the desk) is told by e-mail, in which language,
 * and which webhooks receive signed notifications. Secrets never travel in an event.
 */
package dk.greatercph.ope.events.notification;
