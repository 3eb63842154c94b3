/** The published language of One-Point-Entry: what both sides and every auditor agree happened. */
package dk.greatercph.ope.events;
