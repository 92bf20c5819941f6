package dev.casekeeper.telephony.rest;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.shared.InvalidInputException;
import dev.casekeeper.telephony.CreateIntegration;
import dev.casekeeper.telephony.Integration;
import dev.casekeeper.telephony.TelephonyManagement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Phone integrations and the teams' callback threshold: admins only. */
@RestController
class IntegrationsRestController {

    record IntegrationRequest(
            @Nullable String name,
            @Nullable String kind,
            @Nullable UUID teamId,
            @Nullable String secret) {}

    record IntegrationResponse(UUID id, String name, String kind, UUID teamId, Instant createdAt) {
        static IntegrationResponse of(Integration integration) {
            return new IntegrationResponse(
                    integration.id(),
                    integration.name(),
                    integration.kind(),
                    integration.teamId().value(),
                    integration.createdAt());
        }
    }

    /** The one answer that carries the secret. */
    record IssuedResponse(UUID id, String name, String kind, UUID teamId, Instant createdAt, String secret) {}

    record TeamSettingsRequest(@Nullable Long offerCallbackAfterSeconds) {}

    record TeamSettingsResponse(UUID teamId, long offerCallbackAfterSeconds) {}

    private final TelephonyManagement telephony;

    IntegrationsRestController(TelephonyManagement telephony) {
        this.telephony = telephony;
    }

    @GetMapping("/api/v1/telephony/integrations")
    List<IntegrationResponse> list() {
        return telephony.integrations().stream().map(IntegrationResponse::of).toList();
    }

    @PostMapping("/api/v1/telephony/integrations")
    @ResponseStatus(HttpStatus.CREATED)
    IssuedResponse create(@AuthenticationPrincipal SignedInAgent me, @RequestBody IntegrationRequest request) {
        if (request.teamId() == null) {
            throw new InvalidInputException("teamId", "name the team whose queue the calls wait in");
        }
        var issued = telephony.createIntegration(
                new CreateIntegration(
                        request.name() == null ? "" : request.name(),
                        request.kind() == null ? "" : request.kind(),
                        new TeamId(request.teamId()),
                        request.secret()),
                me);
        var i = issued.integration();
        return new IssuedResponse(i.id(), i.name(), i.kind(), i.teamId().value(), i.createdAt(), issued.secret());
    }

    @DeleteMapping("/api/v1/telephony/integrations/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id) {
        telephony.deleteIntegration(id);
    }

    @GetMapping("/api/v1/telephony/teams/{id}")
    TeamSettingsResponse team(@PathVariable UUID id) {
        return new TeamSettingsResponse(
                id, telephony.offerCallbackAfter(new TeamId(id)).toSeconds());
    }

    @PutMapping("/api/v1/telephony/teams/{id}")
    TeamSettingsResponse setTeam(@PathVariable UUID id, @RequestBody TeamSettingsRequest request) {
        if (request.offerCallbackAfterSeconds() == null) {
            throw new InvalidInputException("offerCallbackAfterSeconds", "is required");
        }
        var after = telephony.setOfferCallbackAfter(
                new TeamId(id), Duration.ofSeconds(request.offerCallbackAfterSeconds()));
        return new TeamSettingsResponse(id, after.toSeconds());
    }
}
