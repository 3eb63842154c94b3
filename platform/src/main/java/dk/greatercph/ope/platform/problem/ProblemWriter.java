package dk.greatercph.ope.platform.problem;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** Writes a problem response from a servlet filter, where no controller advice reaches. */
public final class ProblemWriter {

    private final JsonMapper json;

    public ProblemWriter(JsonMapper json) {
        this.json = json;
    }

    /** Writes the problem {@code code} answers with, at its status. */
    public void write(HttpServletResponse response, String path, ProblemCode code, String detail) throws IOException {
        write(response, path, HttpStatus.valueOf(code.status()), code.name(), detail);
    }

    /** The refusal of bad input in {@code field} (a header's name, say), named in {@code errors[]} as the advice does. */
    public void write(HttpServletResponse response, String path, ProblemCode code, String field, String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(code.status()), detail);
        problem.setProperty("code", code.name());
        problem.setProperty("errors", List.of(Map.of("field", field, "message", detail)));
        write(response, path, problem);
    }

    public void write(HttpServletResponse response, String path, HttpStatus status, String code, String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("code", code);
        write(response, path, problem);
    }

    /** The problem {@code code} answers with, as the bytes of its JSON, for an answer kept to be sent later. */
    public byte[] bytes(String path, ProblemCode code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(code.status()), detail);
        problem.setInstance(URI.create(safePath(path)));
        problem.setProperty("code", code.name());
        return json.writeValueAsBytes(problem);
    }

    /** {@code path} as a problem's {@code instance}, or {@code /} where it holds what a URI reference may not. */
    public static String safePath(String path) {
        return path != null && path.matches("[A-Za-z0-9/._~%-]*") ? path : "/";
    }

    /** Writes {@code problem} at its status, as the answer to {@code path}. */
    public void write(HttpServletResponse response, String path, ProblemDetail problem) throws IOException {
        problem.setInstance(URI.create(path));
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
