/** The REST commands on notification settings: recipients and webhooks of an operator or the desk. */
package dk.greatercph.ope.command.notification.web;
