/** Settings every process of One-Point-Entry starts from. */
package dk.greatercph.ope.platform.config;
