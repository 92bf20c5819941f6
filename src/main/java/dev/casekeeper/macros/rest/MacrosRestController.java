package dev.casekeeper.macros.rest;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.macros.Macro;
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
            @NotBlank @Size(max = 20_000) String body) {}

    record ChangeMacroRequest(
            @Size(min = 1, max = 200) @Nullable String name,
            @Size(min = 1, max = 20_000) @Nullable String body) {}

    record RenderRequest(@NotNull UUID caseId) {}

    record MacroResponse(
            UUID id, String name, String body, List<String> placeholders, Instant createdAt, Instant updatedAt) {
        static MacroResponse of(Macro macro) {
            return new MacroResponse(
                    macro.id().value(),
                    macro.name(),
                    macro.body(),
                    macro.placeholders(),
                    macro.createdAt(),
                    macro.updatedAt());
        }
    }

    record RenderedResponse(UUID id, String name, String text, String html) {
        static RenderedResponse of(RenderedMacro rendered) {
            return new RenderedResponse(rendered.id().value(), rendered.name(), rendered.text(), rendered.html());
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
        var macro = macros.create(new SaveMacro(request.name(), request.body()), me);
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
                        request.body() == null ? current.body() : request.body()),
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
}
