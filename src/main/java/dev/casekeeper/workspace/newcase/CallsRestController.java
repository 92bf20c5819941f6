package dev.casekeeper.workspace.newcase;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseSummary;
import dev.casekeeper.customers.CustomerId;
import dev.casekeeper.shared.InvalidInputException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Log a phone call by hand: on an existing case ({@code caseId}), or on a new phone case for a
 * customer picked by id or found or created by phone or email. A plain new case on any channel is
 * {@code POST /api/v1/cases} with its {@code channel}.
 */
@RestController
class CallsRestController {

    record CustomerBody(
            @Size(max = 200) @Nullable String name,
            @Size(max = 40) @Nullable String phone,
            @Size(max = 320) @Nullable String email) {}

    record CallBody(
            @Nullable UUID caseId,
            @Nullable UUID customerId,
            @Valid @Nullable CustomerBody customer,
            @NotBlank String direction,
            @NotNull @Min(0) @Max(43_200) Long durationSeconds,
            @NotBlank String disposition,
            @NotBlank @Size(max = 20_000) String notes,
            @Size(max = 500) @Nullable String subject,
            @Nullable UUID teamId) {}

    record LoggedCall(UUID caseId, long number, String subject, String channel, String status, boolean opened) {

        static LoggedCall of(CaseSummary kase, boolean opened) {
            return new LoggedCall(
                    kase.id().value(),
                    kase.number(),
                    kase.subject(),
                    kase.channel().value(),
                    kase.status().value(),
                    opened);
        }
    }

    private final NewCases newCases;

    CallsRestController(NewCases newCases) {
        this.newCases = newCases;
    }

    @PostMapping("/api/v1/calls")
    ResponseEntity<LoggedCall> log(@AuthenticationPrincipal SignedInAgent me, @Valid @RequestBody CallBody body) {
        LogCall.Direction direction;
        LogCall.Disposition disposition;
        try {
            direction = LogCall.Direction.from(body.direction());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("direction", "'" + body.direction() + "' is not inbound or outbound");
        }
        try {
            disposition = LogCall.Disposition.from(body.disposition());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(
                    "disposition",
                    "'" + body.disposition()
                            + "' is not resolved, follow_up, no_answer, left_voicemail or wrong_number");
        }
        var customer = body.customerId() != null
                ? new CustomerPick(new CustomerId(body.customerId()), null, null, null)
                : body.customer() == null
                        ? null
                        : new CustomerPick(
                                null,
                                body.customer().name(),
                                body.customer().phone(),
                                body.customer().email());
        var kase = newCases.logCall(
                new LogCall(
                        body.caseId() == null ? null : new CaseId(body.caseId()),
                        customer,
                        direction,
                        Duration.ofSeconds(body.durationSeconds()),
                        disposition,
                        body.notes(),
                        body.subject(),
                        body.teamId() == null ? null : new TeamId(body.teamId())),
                me);
        var opened = body.caseId() == null;
        var response = LoggedCall.of(kase, opened);
        return opened
                ? ResponseEntity.created(URI.create("/api/v1/cases/" + kase.id()))
                        .body(response)
                : ResponseEntity.ok(response);
    }
}
