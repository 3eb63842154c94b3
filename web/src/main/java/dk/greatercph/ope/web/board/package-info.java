/** The desk's board of delegations. */
package dk.greatercph.ope.web.board;
