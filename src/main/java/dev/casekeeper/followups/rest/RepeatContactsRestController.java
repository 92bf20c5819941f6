package dev.casekeeper.followups.rest;

import dev.casekeeper.followups.FollowupManagement;
import dev.casekeeper.followups.RepeatContactCounts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Repeat contacts counted per agent and team (supervisors and admins). */
@RestController
class RepeatContactsRestController {

    record PerAgent(UUID agentId, String name, long count) {}

    record PerTeam(UUID teamId, String name, long count) {}

    record CountsResponse(Instant since, Instant until, long total, List<PerAgent> byAgent, List<PerTeam> byTeam) {

        static CountsResponse of(RepeatContactCounts c) {
            return new CountsResponse(
                    c.since(),
                    c.until(),
                    c.total(),
                    c.byAgent().stream()
                            .map(a -> new PerAgent(a.agentId().value(), a.name(), a.count()))
                            .toList(),
                    c.byTeam().stream()
                            .map(t -> new PerTeam(t.teamId().value(), t.name(), t.count()))
                            .toList());
        }
    }

    private final FollowupManagement followups;
    private final Clock clock;

    RepeatContactsRestController(FollowupManagement followups, Clock clock) {
        this.followups = followups;
        this.clock = clock;
    }

    /** Between {@code since} and {@code until}; by default the last 30 days. */
    @GetMapping("/api/v1/repeat-contacts")
    CountsResponse counts(
            @RequestParam(required = false) @Nullable Instant since,
            @RequestParam(required = false) @Nullable Instant until) {
        Instant end = until == null ? clock.instant() : until;
        Instant start = since == null ? end.minus(Duration.ofDays(30)) : since;
        return CountsResponse.of(followups.repeatContacts(start, end));
    }
}
