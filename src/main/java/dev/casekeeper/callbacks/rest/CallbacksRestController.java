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
import dev.casekeeper.shared.AccessDeniedException;
import dev.casekeeper.shared.InvalidInputException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
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

    CallbacksRestController(CallbackManagement callbacks) {
        this.callbacks = callbacks;
    }

    @PostMapping("/api/v1/callbacks")
    ResponseEntity<CallbackResponse> request(
            @AuthenticationPrincipal SignedInAgent me, @Valid @RequestBody RequestBody_ body) {
        var created = callbacks.request(
                new RequestCallback(
                        new CaseId(body.caseId()),
                        null,
                        body.ownerId() == null ? null : new AgentId(body.ownerId()),
                        body.phone(),
                        body.email(),
                        window(body.windowFrom(), body.windowUntil(), "windowFrom"),
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
        Callback.Outcome outcome;
        try {
            outcome = Callback.Outcome.from(body.outcome());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(
                    "outcome", "'" + body.outcome() + "' is not reached, no_answer or left_message");
        }
        return CallbackResponse.of(callbacks.done(
                new CallbackId(id),
                new RecordOutcome(outcome, body.note(), window(body.retryFrom(), body.retryUntil(), "retryFrom")),
                me));
    }

    private static @Nullable CallbackWindow window(@Nullable Instant from, @Nullable Instant until, String field) {
        if (from == null && until == null) {
            return null;
        }
        if (from == null || until == null) {
            throw new InvalidInputException(field, "give both the start and the end of the window");
        }
        return new CallbackWindow(from, until);
    }
}
