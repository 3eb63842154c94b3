/** The platform's test application, its shared test configuration and an HTTP client for it. */
package dk.greatercph.ope.platform.support;
