/** The operators and the themes each takes, which is the routing table (R1): the desk registers and re-themes them here. */
package dk.greatercph.ope.web.operator;
