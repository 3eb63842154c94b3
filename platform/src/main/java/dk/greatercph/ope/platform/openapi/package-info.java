/** The published contract's face: the OpenAPI document's title, version, description and contact. */
package dk.greatercph.ope.platform.openapi;
