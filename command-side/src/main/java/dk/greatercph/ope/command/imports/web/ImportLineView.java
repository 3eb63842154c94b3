package dk.greatercph.ope.command.imports.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** One line of an imported file and what became of it; a refused line says why as the API would. */
@Schema(name = "ImportLine")
@JsonInclude(JsonInclude.Include.NON_NULL)
record ImportLineView(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "3",
                description = "The line of the file on which the record starts; the header is line 1")
        int line,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "REFUSED") LineOutcome outcome,
        @Schema(example = "DEL-3f2a9c1e-8b7d-3c6e-9f1a-2b3c4d5e6f70",
                description = "The delegation this line is (or, in a dry run, would be) recorded as")
        String delegationId,
        @Schema(example = "VALIDATION_FAILED", description = "For a refused line: the code the API gives for the same value")
        String code,
        @Schema(example = "Invalid fields: headCount.") String detail,
        @Schema(description = "For a refused line: the fields at fault, as the API names them") List<FieldProblem> errors) {

    /** A field at fault and why. */
    @Schema(name = "ImportFieldProblem")
    record FieldProblem(@Schema(example = "headCount") String field,
                        @Schema(example = "must be greater than or equal to 1") String message) {
    }
}
