package dev.casekeeper.agents.rest;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.PasswordManagement;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.agents.web.AgentSessions;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Passwords: an agent changes their own; an admin resets another's to a generated one, shown once.
 * Either way the agent's browser sign-ins end; API tokens keep working.
 */
@RestController
@RequestMapping("/api/v1/agents")
class PasswordsRestController {

    record ChangePasswordRequest(
            @NotNull @Size(max = 200) String currentPassword,
            @NotNull @Size(max = 200) String newPassword) {}

    record PasswordResetResponse(UUID agentId, String password, boolean changeRequired) {}

    private final PasswordManagement passwords;
    private final AgentManagement agents;
    private final AgentSessions sessions;

    PasswordsRestController(PasswordManagement passwords, AgentManagement agents, AgentSessions sessions) {
        this.passwords = passwords;
        this.agents = agents;
        this.sessions = sessions;
    }

    @PostMapping("/me/password")
    ResponseEntity<Void> changeOwn(
            @AuthenticationPrincipal SignedInAgent me, @Valid @RequestBody ChangePasswordRequest request) {
        passwords.changeOwn(me.id(), request.currentPassword(), request.newPassword());
        sessions.endAll(me.id());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/password-reset")
    ResponseEntity<PasswordResetResponse> reset(@AuthenticationPrincipal SignedInAgent me, @PathVariable UUID id) {
        var agent = agents.find(new AgentId(id));
        String password = passwords.reset(agent.id(), me.id());
        sessions.endAll(agent.id());
        // The password is in this response only: no cache may keep it.
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(new PasswordResetResponse(id, password, true));
    }
}
