/** Rebuilding projections from history: reset a streaming processor's tokens and follow the replay. */
package dk.greatercph.ope.query.replay;
