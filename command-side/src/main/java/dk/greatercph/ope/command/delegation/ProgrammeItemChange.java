package dk.greatercph.ope.command.delegation;

/** A command changing one programme item; the delegation checks who may plan before the item does. */
interface ProgrammeItemChange {

    String itemId();
}
