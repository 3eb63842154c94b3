/** What every command endpoint shares: the answer record and its sending, versions as ETags, If-Match, typed path ids. */
package dk.greatercph.ope.command.web;
