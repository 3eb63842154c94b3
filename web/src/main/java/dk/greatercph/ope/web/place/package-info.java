/** The places and hosts programme items name: the desk registers venues and partners here. */
package dk.greatercph.ope.web.place;
