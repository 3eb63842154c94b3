package dk.greatercph.ope.web.live;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.security.Principal;

/** The stream a page listens to for "this view has moved on" (htmx's SSE extension connects to it). */
@Controller
class LiveController {

    private final ViewChanges changes;

    LiveController(ViewChanges changes) {
        this.changes = changes;
    }

    /** 429 for a user with {@link ViewChanges#PAGES_PER_USER} open already; htmx's extension tries again later. */
    @GetMapping(path = "/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    ResponseEntity<SseEmitter> live(Principal user) {
        return changes.open(user.getName()).map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, "30")
                        .build());
    }
}
