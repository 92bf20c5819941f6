package dev.casekeeper.views.rest;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.cases.CaseSummary;
import dev.casekeeper.views.SaveView;
import dev.casekeeper.views.SavedView;
import dev.casekeeper.views.SavedViewManagement;
import dev.casekeeper.views.ViewFilters;
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
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Saved views in the API: an agent's own and their teams' shared views, with their counts and
 * cases; a personal view is invisible to everyone else, sharing takes a supervisor.
 */
@RestController
@RequestMapping("/api/v1/saved-views")
class SavedViewsRestController {

    record CreateView(
            @NotBlank @Size(max = 80) String name,
            @Nullable UUID teamId,
            @NotNull @Valid ViewFilters filters,
            @Size(max = 30) @Nullable List<String> columns) {}

    record ViewResponse(
            UUID id, String name, UUID ownerId, @Nullable UUID teamId, ViewFilters filters, List<String> columns) {
        static ViewResponse of(SavedView v) {
            return new ViewResponse(
                    v.id(),
                    v.name(),
                    v.ownerId().value(),
                    v.teamId() == null ? null : v.teamId().value(),
                    v.filters(),
                    v.columns());
        }
    }

    record CountedView(ViewResponse view, long count, boolean capped) {}

    record SavedViewCaseItem(
            UUID id,
            long number,
            String subject,
            String status,
            String priority,
            String channel,
            @Nullable UUID teamId,
            @Nullable UUID ownerId,
            Instant createdAt,
            Instant updatedAt) {
        static SavedViewCaseItem of(CaseSummary c) {
            return new SavedViewCaseItem(
                    c.id().value(),
                    c.number(),
                    c.subject(),
                    c.status().value(),
                    c.priority().value(),
                    c.channel().value(),
                    c.teamId() == null ? null : c.teamId().value(),
                    c.ownerId() == null ? null : c.ownerId().value(),
                    c.createdAt(),
                    c.updatedAt());
        }
    }

    record CasesPage(List<SavedViewCaseItem> items, long total, boolean capped, int page, int size) {}

    private final SavedViewManagement views;

    SavedViewsRestController(SavedViewManagement views) {
        this.views = views;
    }

    /** The caller's views with their counts (capped at 1,000: {@code capped} says "more"). */
    @GetMapping
    List<CountedView> list(@AuthenticationPrincipal SignedInAgent me) {
        var counts = views.counts(me);
        return views.visibleTo(me).stream()
                .map(v -> {
                    long count = counts.getOrDefault(v.id(), 0L);
                    return new CountedView(ViewResponse.of(v), Math.min(count, 1000), count > 1000);
                })
                .toList();
    }

    @PostMapping
    ResponseEntity<ViewResponse> create(
            @AuthenticationPrincipal SignedInAgent me, @Valid @RequestBody CreateView request) {
        var saved = views.create(
                new SaveView(
                        request.name(),
                        request.teamId() == null ? null : new TeamId(request.teamId()),
                        request.filters(),
                        request.columns() == null ? List.of() : request.columns()),
                me);
        return ResponseEntity.created(URI.create("/api/v1/saved-views/" + saved.id()))
                .body(ViewResponse.of(saved));
    }

    @GetMapping("/{id}")
    ViewResponse find(@AuthenticationPrincipal SignedInAgent me, @PathVariable UUID id) {
        return ViewResponse.of(views.find(id, me));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal SignedInAgent me, @PathVariable UUID id) {
        views.delete(id, me);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/cases")
    CasesPage cases(
            @AuthenticationPrincipal SignedInAgent me,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "25") @Min(1) @Max(100) int size) {
        var found = views.cases(id, me, page, size);
        return new CasesPage(
                found.items().stream().map(SavedViewCaseItem::of).toList(),
                Math.min(found.total(), 1000),
                found.capped(),
                found.page(),
                found.size());
    }
}
