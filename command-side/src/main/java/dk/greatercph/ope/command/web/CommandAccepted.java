package dk.greatercph.ope.command.web;

import io.swagger.v3.oas.annotations.media.Schema;

/** The answer to a command: which resource it concerned and that resource's new version. */
@Schema(name = "CommandAccepted")
public record CommandAccepted(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "DEL-019cadd4-5620-7a53-9f55-0f3c3d7b8e21")
        String id,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "0",
                description = "The aggregate's version after the command; also in the ETag header")
        long version) {
}
