package dk.greatercph.ope.app.support;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A test-only endpoint that fails unexpectedly, to show what a 500 looks like to a client; not part of the API's document. */
@Hidden
@RestController
public class FailingEndpoint {

    @GetMapping("/api/test/unexpected-failure")
    String fail() {
        throw new IllegalStateException("secret internal detail that must not leak");
    }
}
