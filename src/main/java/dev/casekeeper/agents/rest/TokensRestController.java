package dev.casekeeper.agents.rest;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.ApiToken;
import dev.casekeeper.agents.SignedInAgent;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
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

/** API tokens: created with an agent's email and password (HTTP Basic), listed and revoked with a token. */
@RestController
@RequestMapping("/api/v1/tokens")
class TokensRestController {

    record CreateTokenRequest(@Size(max = 100) @Nullable String name) {}

    record TokenResponse(
            UUID id,
            UUID agentId,
            String name,
            Instant createdAt,
            @Nullable Instant lastUsedAt,
            @Nullable Instant revokedAt) {
        static TokenResponse of(ApiToken token) {
            return new TokenResponse(
                    token.id(),
                    token.agentId().value(),
                    token.name(),
                    token.createdAt(),
                    token.lastUsedAt(),
                    token.revokedAt());
        }
    }

    record CreatedTokenResponse(String token, UUID id, String name, Instant createdAt) {}

    private final AgentManagement agents;

    TokensRestController(AgentManagement agents) {
        this.agents = agents;
    }

    @PostMapping
    ResponseEntity<CreatedTokenResponse> create(
            @AuthenticationPrincipal SignedInAgent me,
            @Valid @RequestBody(required = false) @Nullable CreateTokenRequest request) {
        String name = request == null || request.name() == null ? "API token" : request.name();
        var issued = agents.issueToken(me.id(), name);
        // The secret is in this response only: no cache may keep it.
        return ResponseEntity.created(
                        URI.create("/api/v1/tokens/" + issued.details().id()))
                .cacheControl(CacheControl.noStore())
                .body(new CreatedTokenResponse(
                        issued.token(),
                        issued.details().id(),
                        issued.details().name(),
                        issued.details().createdAt()));
    }

    @GetMapping
    List<TokenResponse> list(@AuthenticationPrincipal SignedInAgent me, @RequestParam Optional<UUID> agentId) {
        return agents.tokens(me, agentId.map(AgentId::new)).stream()
                .map(TokenResponse::of)
                .toList();
    }

    @DeleteMapping("/{id}")
    TokenResponse revoke(@AuthenticationPrincipal SignedInAgent me, @PathVariable UUID id) {
        return TokenResponse.of(agents.revokeToken(me, id));
    }
}
