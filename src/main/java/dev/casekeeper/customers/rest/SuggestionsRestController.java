package dev.casekeeper.customers.rest;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.customers.CustomerId;
import dev.casekeeper.customers.Suggestion;
import dev.casekeeper.customers.SuggestionManagement;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Suggested changes to what a customer declares about herself: the one way an agent changes a
 * field the customer declared. The customer accepts or declines in the portal.
 */
@RestController
@RequestMapping("/api/v1/customers/{id}/suggestions")
class SuggestionsRestController {

    record SuggestRequest(
            @NotBlank String field,
            @NotBlank @Size(max = 200) String value) {}

    record SuggestionResponse(
            UUID id,
            String field,
            String value,
            UUID suggestedBy,
            Instant suggestedAt,
            String state,
            @Nullable Instant answeredAt) {
        static SuggestionResponse of(Suggestion s) {
            return new SuggestionResponse(
                    s.id(),
                    s.field(),
                    s.value(),
                    s.suggestedBy(),
                    s.suggestedAt(),
                    s.state().value(),
                    s.answeredAt());
        }
    }

    private final SuggestionManagement suggestions;

    SuggestionsRestController(SuggestionManagement suggestions) {
        this.suggestions = suggestions;
    }

    @PostMapping
    ResponseEntity<SuggestionResponse> suggest(
            @AuthenticationPrincipal SignedInAgent me,
            @PathVariable UUID id,
            @Valid @RequestBody SuggestRequest request) {
        var suggestion = suggestions.suggest(new CustomerId(id), request.field(), request.value(), me.actor());
        return ResponseEntity.created(URI.create("/api/v1/customers/" + id + "/suggestions"))
                .body(SuggestionResponse.of(suggestion));
    }

    @GetMapping
    List<SuggestionResponse> list(@PathVariable UUID id) {
        return suggestions.ofCustomer(new CustomerId(id)).stream()
                .map(SuggestionResponse::of)
                .toList();
    }
}
