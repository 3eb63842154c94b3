package dk.greatercph.ope.platform.problem;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The problem codes reach the API document, each once, with one status and its meaning. */
class ProblemCodesDocumentTest {

    @Test
    void findsTheCodeEnumsOnTheClassPath() {
        assertThat(ProblemCodesDocument.scan())
                .contains(GeneralProblem.NOT_FOUND, GeneralProblem.STALE_VERSION)
                .anySatisfy(code -> assertThat(code.name()).isEqualTo("DATABASE_UNAVAILABLE"))
                .anySatisfy(code -> assertThat(code.name()).isEqualTo("INVALID_IDEMPOTENCY_KEY"));
    }

    @Test
    void listsEveryCodeOnceWithItsStatusAndMeaningAndAnswersEveryOperationWithIt() {
        OpenAPI api = new OpenAPI().paths(new Paths().addPathItem("/things", new PathItem()
                .get(new Operation().responses(new ApiResponses().addApiResponse("200", new ApiResponse())))));

        new ProblemCodesDocument(List.of(Sample.THING_NOT_FOUND, Sample.REASON_REQUIRED, Other.REASON_REQUIRED))
                .customise(api);

        Schema<?> code = (Schema<?>) api.getComponents().getSchemas().get("Problem").getProperties().get("code");
        assertThat(code.getEnum()).map(String::valueOf).containsExactly("REASON_REQUIRED", "THING_NOT_FOUND");
        assertThat(code.getDescription())
                .contains("- `THING_NOT_FOUND` (404): No such thing.")
                .contains("- `REASON_REQUIRED` (400): A thing states why. / Another thing states why.");
        assertThat(api.getPaths().get("/things").getGet().getResponses().get("default").getContent()
                .get("application/problem+json").getSchema().get$ref()).isEqualTo("#/components/schemas/Problem");
    }

    @Test
    void refusesACodeThatWouldAnswerWithTwoStatuses() {
        // declared here, not as a member, so that the class-path scan of the platform's test application never finds it
        record Clash(String name, int status, String meaning) implements ProblemCode {
        }
        assertThatThrownBy(() -> new ProblemCodesDocument(List.of(Sample.REASON_REQUIRED,
                new Clash("REASON_REQUIRED", 422, "Clashes."))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("REASON_REQUIRED");
    }

    enum Sample implements ProblemCode {
        THING_NOT_FOUND(404, "No such thing."),
        REASON_REQUIRED(400, "A thing states why.");

        private final int status;
        private final String meaning;

        Sample(int status, String meaning) {
            this.status = status;
            this.meaning = meaning;
        }

        @Override
        public int status() {
            return status;
        }

        @Override
        public String meaning() {
            return meaning;
        }
    }

    enum Other implements ProblemCode {
        REASON_REQUIRED;

        @Override
        public int status() {
            return 400;
        }

        @Override
        public String meaning() {
            return "Another thing states why.";
        }
    }
}
