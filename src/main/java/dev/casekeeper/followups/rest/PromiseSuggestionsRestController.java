package dev.casekeeper.followups.rest;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.followups.PromiseSuggestion;
import dev.casekeeper.followups.PromiseSuggestions;
import dev.casekeeper.shared.InvalidInputException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The promise a draft reply or chat line commits to, for a client's own composer; records nothing. */
@RestController
class PromiseSuggestionsRestController {

    record SuggestBody(
            @NotNull @Size(max = 200_000) String text,
            @Nullable String zone) {}

    record PromiseSuggestionResponse(@Nullable PromiseSuggestion suggestion) {}

    private final PromiseSuggestions suggestions;

    PromiseSuggestionsRestController(PromiseSuggestions suggestions) {
        this.suggestions = suggestions;
    }

    @PostMapping("/api/v1/cases/{id}/promise-suggestions")
    PromiseSuggestionResponse suggest(
            @AuthenticationPrincipal SignedInAgent me, @PathVariable UUID id, @Valid @RequestBody SuggestBody body) {
        return new PromiseSuggestionResponse(suggestions
                .suggest(new CaseId(id), body.text(), zone(body.zone()), me)
                .orElse(null));
    }

    private static ZoneId zone(@Nullable String zone) {
        if (zone == null || zone.isBlank()) {
            return ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(zone.strip());
        } catch (DateTimeException e) {
            throw new InvalidInputException("zone", "'" + zone + "' is not a time zone such as Europe/Berlin");
        }
    }
}
