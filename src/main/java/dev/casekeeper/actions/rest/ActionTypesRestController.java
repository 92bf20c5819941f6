package dev.casekeeper.actions.rest;

import dev.casekeeper.actions.ActionType;
import dev.casekeeper.actions.ActionTypeManagement;
import dev.casekeeper.actions.SaveActionType;
import dev.casekeeper.actions.SavedActionType;
import dev.casekeeper.agents.SignedInAgent;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The action types: every agent reads them, admins define them (docs/actions.md). */
@RestController
class ActionTypesRestController {

    private final ActionTypeManagement types;

    ActionTypesRestController(ActionTypeManagement types) {
        this.types = types;
    }

    /** The types agents may propose; {@code all=true} includes inactive ones. */
    @GetMapping("/api/v1/action-types")
    List<ActionType> list(@RequestParam(defaultValue = "false") boolean all) {
        return types.list(!all);
    }

    @GetMapping("/api/v1/action-types/{id}")
    ActionType find(@PathVariable UUID id) {
        return types.find(id);
    }

    /** Adds a type; the answer carries its endpoint's signing secret this once. */
    @PostMapping("/api/v1/action-types")
    @ResponseStatus(HttpStatus.CREATED)
    SavedActionType create(@AuthenticationPrincipal SignedInAgent me, @RequestBody SaveActionType request) {
        return types.create(request, me);
    }

    /** Replaces a type's definition; a secret is in the answer only when one was made now. */
    @PutMapping("/api/v1/action-types/{id}")
    SavedActionType update(
            @AuthenticationPrincipal SignedInAgent me, @PathVariable UUID id, @RequestBody SaveActionType request) {
        return types.update(id, request, me);
    }
}
