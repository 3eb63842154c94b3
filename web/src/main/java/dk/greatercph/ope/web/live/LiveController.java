package dk.greatercph.ope.web.live;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The stream a page listens to for "this view has moved on" (htmx's SSE extension connects to it). */
@Controller
class LiveController {

    private final ViewChanges changes;

    LiveController(ViewChanges changes) {
        this.changes = changes;
    }

    @GetMapping(path = "/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter live() {
        return changes.open();
    }
}
