/** Canonical input at the edge: text, dates and JSON types checked once for every request, errors as problems. */
package dk.greatercph.ope.platform.input;
