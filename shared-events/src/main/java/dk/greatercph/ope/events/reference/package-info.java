/** Reference data: the partners who host programme items and the venues they happen at. */
package dk.greatercph.ope.events.reference;
