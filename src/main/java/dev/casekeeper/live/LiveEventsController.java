package dev.casekeeper.live;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.cases.CaseLookup;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live event stream of a workspace page: {@code case} when a case the agent may see changed,
 * {@code presence} when someone opens, leaves or writes on the case the page shows,
 * {@code notification} when the agent was told something (theirs only), and {@code signed-out}
 * when the agent's sign-ins end. Events carry only the case number, or nothing.
 */
@RestController
class LiveEventsController {

    private final LiveStreams streams;
    private final CaseLookup cases;

    LiveEventsController(LiveStreams streams, CaseLookup cases) {
        this.streams = streams;
        this.cases = cases;
    }

    @GetMapping(path = "/live/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(
            @AuthenticationPrincipal SignedInAgent me,
            @RequestParam(name = "case", required = false) @Nullable Long caseNumber) {
        // Presence of a case only for whoever may open it; anything else is not found.
        var caseId = caseNumber == null
                ? null
                : cases.findByNumber(caseNumber, me).summary().id().value();
        return streams.open(me, caseNumber, caseId);
    }
}
