package dev.casekeeper.callbacks.rest;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.callbacks.Callback;
import dev.casekeeper.callbacks.CallbackId;
import dev.casekeeper.callbacks.CallbackManagement;
import dev.casekeeper.callbacks.CallbackWindow;
import dev.casekeeper.callbacks.RecordOutcome;
import dev.casekeeper.callbacks.RequestCallback;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.shared.AcceptedDates;
import dev.casekeeper.shared.AccessDeniedException;
import dev.casekeeper.shared.InvalidInputException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Callback tasks: request one on a case, list them, take or give one, and record what the call came to. */
@RestController
class CallbacksRestController {

    record RequestBody_(
            @NotNull UUID caseId,
            @Size(max = 40) @Nullable String phone,
            @Size(max = 320) @Nullable String email,
            @Nullable Instant windowFrom,
            @Nullable Instant windowUntil,
            @Nullable UUID ownerId,
            @Size(max = 2000) @Nullable String note) {}

    record AssignBody(@Nullable UUID ownerId) {}

    record DoneBody(
            @NotBlank String outcome,
            @Size(max = 2000) @Nullable String note,
            @Nullable Instant retryFrom,
            @Nullable Instant retryUntil) {}

    record CallbackResponse(
            UUID id,
            UUID caseId,
            long caseNumber,
            String caseSubject,
            @Nullable UUID teamId,
            @Nullable UUID ownerId,
            @Nullable String phone,
            @Nullable String email,
            Instant windowFrom,
            Instant windowUntil,
            Instant dueAt,
            String source,
            @Nullable String note,
            String state,
            boolean overdue,
            int attempts,
            @Nullable String outcome,
            @Nullable String outcomeNote,
            @Nullable UUID createdBy,
            Instant createdAt,
            @Nullable UUID doneBy,
            @Nullable Instant doneAt) {

        static CallbackResponse of(Callback c) {
            return new CallbackResponse(
                    c.id().value(),
                    c.caseId().value(),
                    c.caseNumber(),
                    c.caseSubject(),
                    c.teamId() == null ? null : c.teamId().value(),
                    c.ownerId() == null ? null : c.ownerId().value(),
                    c.phone(),
                    c.email(),
                    c.window().from(),
                    c.window().until(),
                    c.dueAt(),
                    c.source().value(),
                    c.note(),
                    c.state().value(),
                    c.overdueAt() != null,
                    c.attempts(),
                    c.outcome() == null ? null : c.outcome().value(),
                    c.outcomeNote(),
                    c.createdBy() == null ? null : c.createdBy().value(),
                    c.createdAt(),
                    c.doneBy() == null ? null : c.doneBy().value(),
                    c.doneAt());
        }
    }

    record CallbackList(List<CallbackResponse> items) {}

    private static final int MAX = 200;

    private final CallbackManagement callbacks;
    private final Clock clock;

    CallbacksRestController(CallbackManagement callbacks, Clock clock) {
        this.callbacks = callbacks;
        this.clock = clock;
    }

    @PostMapping("/api/v1/callbacks")
    ResponseEntity<CallbackResponse> request(
            @AuthenticationPrincipal SignedInAgent me, @Valid @RequestBody RequestBody_ body) {
        var errors = new LinkedHashMap<String, String>();
        var window = window("windowFrom", body.windowFrom(), "windowUntil", body.windowUntil(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        var created = callbacks.request(
                new RequestCallback(
                        new CaseId(body.caseId()),
                        null,
                        body.ownerId() == null ? null : new AgentId(body.ownerId()),
                        body.phone(),
                        body.email(),
                        window,
                        Callback.Source.AGENT,
                        body.note(),
                        null),
                me);
        return ResponseEntity.created(URI.create("/api/v1/callbacks/" + created.id()))
                .body(CallbackResponse.of(created));
    }

    /** {@code view}: {@code mine} (open, owned by the caller), {@code queue} (open, nobody took them), {@code all} (supervisors). */
    @GetMapping("/api/v1/callbacks")
    CallbackList list(
            @AuthenticationPrincipal SignedInAgent me,
            @RequestParam(defaultValue = "mine") String view,
            @RequestParam(defaultValue = "100") @Min(1) @Max(MAX) int limit) {
        var found = switch (view.strip()) {
            case "mine" -> callbacks.mine(me, limit);
            case "queue" -> callbacks.queue(me, limit);
            case "all" -> callbacks.allOpen(me, limit);
            default -> throw new InvalidInputException("view", "'" + view + "' is not mine, queue or all");
        };
        return new CallbackList(found.stream().map(CallbackResponse::of).toList());
    }

    @GetMapping("/api/v1/callbacks/{id}")
    CallbackResponse one(@AuthenticationPrincipal SignedInAgent me, @PathVariable UUID id) {
        return CallbackResponse.of(callbacks.find(new CallbackId(id), me));
    }

    @GetMapping("/api/v1/cases/{id}/callbacks")
    CallbackList ofCase(@AuthenticationPrincipal SignedInAgent me, @PathVariable UUID id) {
        return new CallbackList(callbacks.ofCase(new CaseId(id), me).stream()
                .map(CallbackResponse::of)
                .toList());
    }

    @PostMapping("/api/v1/callbacks/{id}/take")
    CallbackResponse take(@AuthenticationPrincipal SignedInAgent me, @PathVariable UUID id) {
        return CallbackResponse.of(callbacks.take(new CallbackId(id), me));
    }

    @PostMapping("/api/v1/callbacks/{id}/assignment")
    CallbackResponse assign(
            @AuthenticationPrincipal SignedInAgent me, @PathVariable UUID id, @RequestBody AssignBody body) {
        // The role first: an agent learns nothing about the body's rules or which ids exist.
        if (!me.role().seesAllTeams()) {
            throw new AccessDeniedException("Only supervisors and admins may give a callback to an agent");
        }
        if (body.ownerId() == null) {
            throw new InvalidInputException("ownerId", "name the agent who will call back");
        }
        return CallbackResponse.of(callbacks.assign(new CallbackId(id), new AgentId(body.ownerId()), me));
    }

    @PostMapping("/api/v1/callbacks/{id}/done")
    CallbackResponse done(
            @AuthenticationPrincipal SignedInAgent me, @PathVariable UUID id, @Valid @RequestBody DoneBody body) {
        // Everything wrong with the body in one answer, before anything is looked up.
        var errors = new LinkedHashMap<String, String>();
        Callback.Outcome outcome = null;
        try {
            outcome = Callback.Outcome.from(body.outcome());
        } catch (IllegalArgumentException e) {
            errors.put("outcome", "'" + body.outcome() + "' is not reached, no_answer or left_message");
        }
        var retry = window("retryFrom", body.retryFrom(), "retryUntil", body.retryUntil(), errors);
        if (outcome == null || !errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return CallbackResponse.of(
                callbacks.done(new CallbackId(id), new RecordOutcome(outcome, body.note(), retry), me));
    }

    /** The window of two fields, or null when neither is given; what is wrong with it goes to {@code errors}, by field. */
    private @Nullable CallbackWindow window(
            String fromField,
            @Nullable Instant from,
            String untilField,
            @Nullable Instant until,
            Map<String, String> errors) {
        if (from == null && until == null) {
            return null;
        }
        if (from == null || until == null) {
            errors.put(fromField, "give both the start and the end of the window");
            errors.put(untilField, "give both the start and the end of the window");
            return null;
        }
        if (!AcceptedDates.contains(from)) {
            errors.put(fromField, AcceptedDates.PROBLEM);
        }
        if (!AcceptedDates.contains(until)) {
            errors.put(untilField, AcceptedDates.PROBLEM);
        } else if (!until.isAfter(clock.instant())) {
            errors.put(untilField, "the window must end in the future");
        } else if (!until.isAfter(from)) {
            errors.put(untilField, "the window must end after it starts");
        }
        return errors.containsKey(fromField) || errors.containsKey(untilField) ? null : new CallbackWindow(from, until);
    }
}
