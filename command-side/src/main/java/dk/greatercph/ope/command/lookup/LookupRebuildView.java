package dk.greatercph.ope.command.lookup;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * What a rebuild of the command-side lookup tables did.
 *
 * @param eventsRead   how many events of the store were read
 * @param headPosition the position of the last event the rebuild read up to (-1 for an empty store)
 * @param tables       each table with its rows after the rebuild and whether they differ from before
 */
@Schema(name = "LookupRebuild")
record LookupRebuildView(long eventsRead, long headPosition, List<Table> tables) {

    /**
     * One rebuilt table.
     *
     * @param name    the table
     * @param rows    its rows after the rebuild
     * @param changed whether its contents differ from before the rebuild (they should not)
     */
    @Schema(name = "LookupRebuildTable")
    record Table(String name, long rows, boolean changed) {
    }
}
