/** Pages that update themselves when the views they show move on. */
package dk.greatercph.ope.web.live;
