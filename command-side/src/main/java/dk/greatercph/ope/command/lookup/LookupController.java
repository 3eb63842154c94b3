package dk.greatercph.ope.command.lookup;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Administration of the command side's lookup tables. */
@RestController
@RequestMapping(path = "/api/admin/lookups", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Administration",
        description = "For administrators: projection status and replay, dead letters, and the rebuild of the command side's lookup tables.")
class LookupController {

    private final LookupRebuild rebuild;

    LookupController(LookupRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @PostMapping("/rebuild")
    @Operation(summary = "Rebuild the command side's lookup tables from the event store",
            description = "Empties the routing table, annual trips, bookings, request history and directory and "
                    + "derives them again from every event, in one transaction; commands that would write to them "
                    + "wait meanwhile. Answers each table's rows and whether its contents changed; a history that "
                    + "contradicts a table's keys is 409 LOOKUP_REBUILD_CONFLICT and changes nothing.")
    LookupRebuildView rebuild() {
        return rebuild.rebuild();
    }
}
