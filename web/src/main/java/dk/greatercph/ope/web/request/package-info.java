/** The desk's form for a new delegation request, and the form helpers the delegation pages share. */
package dk.greatercph.ope.web.request;
