package dk.greatercph.ope.query.operator;

import dk.greatercph.ope.events.delegation.Theme;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** An operator: the themes it takes and the routing-table version its latest change created. */
@Schema(name = "Operator")
public record OperatorView(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "chc") String id,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Copenhagen Healthtech Cluster") String name,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Theme> themes,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "7") long routingVersion,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "1") long version) {
}
