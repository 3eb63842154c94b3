/** Notification settings of an operator or the desk: e-mail recipients and signed webhooks, recorded as events. */
package dk.greatercph.ope.command.notification;
