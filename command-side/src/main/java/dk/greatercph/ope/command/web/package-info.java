/** What every command endpoint shares: the answer record, versions as ETags, If-Match. */
package dk.greatercph.ope.command.web;
