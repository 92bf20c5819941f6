package dev.casekeeper.cases.rest;

import dev.casekeeper.agents.TeamId;
import dev.casekeeper.cases.AutoClose;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** After how many days without a customer reply solved cases close, per team (admins). */
@RestController
@RequestMapping("/api/v1/auto-close")
class AutoCloseRestController {

    record TeamDays(UUID teamId, int days) {}

    record DaysResponse(int defaultDays, List<TeamDays> teams) {

        static DaysResponse of(AutoClose.Days days) {
            return new DaysResponse(
                    days.defaultDays(),
                    days.teams().entrySet().stream()
                            .map(e -> new TeamDays(e.getKey().value(), e.getValue()))
                            .sorted(Comparator.comparing(TeamDays::teamId))
                            .toList());
        }
    }

    record SetDays(@Nullable Integer days) {}

    private final AutoClose autoClose;

    AutoCloseRestController(AutoClose autoClose) {
        this.autoClose = autoClose;
    }

    @GetMapping
    DaysResponse days() {
        return DaysResponse.of(autoClose.days());
    }

    @PutMapping("/teams/{teamId}")
    DaysResponse setDays(@PathVariable UUID teamId, @RequestBody SetDays request) {
        return DaysResponse.of(autoClose.setDays(new TeamId(teamId), request.days()));
    }
}
