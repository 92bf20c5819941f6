package dev.casekeeper.macros.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.macros.Macro;
import dev.casekeeper.macros.MacroActions;
import dev.casekeeper.macros.MacroChange;
import dev.casekeeper.macros.MacroId;
import dev.casekeeper.macros.MacroManagement;
import dev.casekeeper.macros.Placeholder;
import dev.casekeeper.macros.RenderedMacro;
import dev.casekeeper.macros.SaveMacro;
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
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Canned responses: every agent lists and renders them; admins add, change and remove them. */
@RestController
@RequestMapping("/api/v1/macros")
class MacrosRestController {

    record CreateMacroRequest(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 20_000) String body,
            @Nullable MacroActions actions) {}

    record ChangeMacroRequest(
            @Size(min = 1, max = 200) @Nullable String name,
            @Size(min = 1, max = 20_000) @Nullable String body,
            @Nullable MacroActions actions) {}

    record AppliedResponse(
            List<MacroChange> changes, @JsonProperty("case") AppliedCase kase, String text, String html) {}

    /** The case after a canned response was applied, as far as it changes it. */
    record AppliedCase(
            UUID id,
            long number,
            String status,
            String priority,
            List<String> tags,
            @Nullable UUID ownerId) {}

    record RenderRequest(@NotNull UUID caseId) {}

    record MacroResponse(
            UUID id,
            String name,
            String body,
            List<String> placeholders,
            MacroActions actions,
            Instant createdAt,
            Instant updatedAt) {
        static MacroResponse of(Macro macro) {
            return new MacroResponse(
                    macro.id().value(),
                    macro.name(),
                    macro.body(),
                    macro.placeholders(),
                    macro.actions(),
                    macro.createdAt(),
                    macro.updatedAt());
        }
    }

    /** The text filled in, and {@code changes}: what applying it would change on the case now (the preview). */
    record RenderedResponse(UUID id, String name, String text, String html, List<MacroChange> changes) {
        static RenderedResponse of(RenderedMacro rendered) {
            return new RenderedResponse(
                    rendered.id().value(), rendered.name(), rendered.text(), rendered.html(), rendered.changes());
        }
    }

    record PlaceholderResponse(String key, String written) {
        static PlaceholderResponse of(Placeholder placeholder) {
            return new PlaceholderResponse(placeholder.key(), placeholder.written());
        }
    }

    private final MacroManagement macros;

    MacrosRestController(MacroManagement macros) {
        this.macros = macros;
    }

    @GetMapping
    List<MacroResponse> list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        return macros.search(q, limit).stream().map(MacroResponse::of).toList();
    }

    @GetMapping("/placeholders")
    List<PlaceholderResponse> placeholders() {
        return MacroManagement.placeholders().stream()
                .map(PlaceholderResponse::of)
                .toList();
    }

    @GetMapping("/{id}")
    MacroResponse find(@PathVariable UUID id) {
        return MacroResponse.of(macros.find(new MacroId(id)));
    }

    @PostMapping
    ResponseEntity<MacroResponse> create(
            @AuthenticationPrincipal SignedInAgent me, @Valid @RequestBody CreateMacroRequest request) {
        var macro = macros.create(
                new SaveMacro(
                        request.name(),
                        request.body(),
                        request.actions() == null ? MacroActions.NONE : request.actions()),
                me);
        return ResponseEntity.created(URI.create("/api/v1/macros/" + macro.id()))
                .body(MacroResponse.of(macro));
    }

    @PatchMapping("/{id}")
    MacroResponse change(
            @AuthenticationPrincipal SignedInAgent me,
            @PathVariable UUID id,
            @Valid @RequestBody ChangeMacroRequest request) {
        var macroId = new MacroId(id);
        var current = macros.find(macroId);
        return MacroResponse.of(macros.change(
                macroId,
                new SaveMacro(
                        request.name() == null ? current.name() : request.name(),
                        request.body() == null ? current.body() : request.body(),
                        request.actions() == null ? current.actions() : request.actions()),
                me));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal SignedInAgent me, @PathVariable UUID id) {
        macros.delete(new MacroId(id), me);
        return ResponseEntity.noContent().build();
    }

    /** The response filled in for a case the caller may see. */
    @PostMapping("/{id}/render")
    RenderedResponse render(
            @AuthenticationPrincipal SignedInAgent me,
            @PathVariable UUID id,
            @Valid @RequestBody RenderRequest request) {
        return RenderedResponse.of(macros.render(new MacroId(id), new CaseId(request.caseId()), me));
    }

    /**
     * Applies the response's changes (status, priority, tags, owner) to a case the caller may see, all or
     * nothing; answers what changed and the text filled in for the reply, which it does not send.
     */
    @PostMapping("/{id}/application")
    AppliedResponse apply(
            @AuthenticationPrincipal SignedInAgent me,
            @PathVariable UUID id,
            @Valid @RequestBody RenderRequest request) {
        var applied = macros.apply(new MacroId(id), new CaseId(request.caseId()), me);
        var kase = applied.kase();
        return new AppliedResponse(
                applied.changes(),
                new AppliedCase(
                        kase.id().value(),
                        kase.number(),
                        kase.status().value(),
                        kase.priority().value(),
                        kase.tags(),
                        kase.ownerId() == null ? null : kase.ownerId().value()),
                applied.rendered().text(),
                applied.rendered().html());
    }
}
