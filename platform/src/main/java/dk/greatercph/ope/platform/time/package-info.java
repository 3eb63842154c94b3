/** Time as the system shows and stores it: the Copenhagen zone, UTC timestamps and the one clock. */
package dk.greatercph.ope.platform.time;
