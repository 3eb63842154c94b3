/** The operator's inbox: offers with their due dates, accepting and declining them, and its accepted delegations. */
package dk.greatercph.ope.web.inbox;
