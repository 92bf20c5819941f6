package dev.casekeeper.routing.rest;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.routing.ContactId;
import dev.casekeeper.routing.InvitationId;
import dev.casekeeper.routing.InviteColleague;
import dev.casekeeper.routing.LiveContactManagement;
import dev.casekeeper.routing.TransferContact;
import dev.casekeeper.routing.rest.LiveContactResponses.HoldResponse;
import dev.casekeeper.routing.rest.LiveContactResponses.InvitationResponse;
import dev.casekeeper.routing.rest.LiveContactResponses.LiveContactResponse;
import dev.casekeeper.routing.rest.LiveContactResponses.ParticipantResponse;
import dev.casekeeper.routing.rest.RoutingResponses.ContactResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A live contact on the API: hold and resume, cold transfer to a team's queue, inviting a colleague
 * (warm transfer) who accepts or declines, leaving, and who is on it. Only agents on the contact
 * (its agent, joined colleagues and supervisors) change it; a contact the caller may not see is not found.
 */
@RestController
class LiveContactsRestController {

    record TransferRequest(
            @NotNull UUID teamId,
            @NotBlank @Size(max = 500) String reason,
            @NotBlank @Size(max = 10_000) String summary) {}

    record InviteRequest(
            @NotNull UUID agentId,
            @NotBlank @Size(max = 500) String reason,
            @NotBlank @Size(max = 10_000) String summary) {}

    private final LiveContactManagement liveContacts;

    LiveContactsRestController(LiveContactManagement liveContacts) {
        this.liveContacts = liveContacts;
    }

    @GetMapping("/api/v1/routing/contacts/{id}/live")
    LiveContactResponse live(@AuthenticationPrincipal SignedInAgent me, @PathVariable UUID id) {
        return LiveContactResponse.of(liveContacts.liveContact(new ContactId(id), me));
    }

    @PostMapping("/api/v1/routing/contacts/{id}/hold")
    LiveContactResponse hold(@AuthenticationPrincipal SignedInAgent me, @PathVariable UUID id) {
        return LiveContactResponse.of(liveContacts.hold(new ContactId(id), me));
    }

    @PostMapping("/api/v1/routing/contacts/{id}/resume")
    LiveContactResponse resume(@AuthenticationPrincipal SignedInAgent me, @PathVariable UUID id) {
        return LiveContactResponse.of(liveContacts.resume(new ContactId(id), me));
    }

    @PostMapping("/api/v1/routing/contacts/{id}/transfer")
    ContactResponse transfer(
            @AuthenticationPrincipal SignedInAgent me,
            @PathVariable UUID id,
            @Valid @RequestBody TransferRequest request) {
        return ContactResponse.of(liveContacts.transfer(
                new ContactId(id),
                new TransferContact(new TeamId(request.teamId()), request.reason(), request.summary()),
                me));
    }

    @PostMapping("/api/v1/routing/contacts/{id}/invitations")
    @ResponseStatus(HttpStatus.CREATED)
    InvitationResponse invite(
            @AuthenticationPrincipal SignedInAgent me,
            @PathVariable UUID id,
            @Valid @RequestBody InviteRequest request) {
        return InvitationResponse.of(liveContacts.invite(
                new ContactId(id),
                new InviteColleague(new AgentId(request.agentId()), request.reason(), request.summary()),
                me));
    }

    @PostMapping("/api/v1/routing/contacts/{id}/leave")
    LiveContactResponse leave(@AuthenticationPrincipal SignedInAgent me, @PathVariable UUID id) {
        return LiveContactResponse.of(liveContacts.leave(new ContactId(id), me));
    }

    @GetMapping("/api/v1/routing/contacts/{id}/participants")
    List<ParticipantResponse> participants(@AuthenticationPrincipal SignedInAgent me, @PathVariable UUID id) {
        return liveContacts.participants(new ContactId(id), me).stream()
                .map(ParticipantResponse::of)
                .toList();
    }

    @GetMapping("/api/v1/routing/me/invitations")
    List<InvitationResponse> invitations(@AuthenticationPrincipal SignedInAgent me) {
        return liveContacts.invitationsTo(me.id()).stream()
                .map(InvitationResponse::of)
                .toList();
    }

    @PostMapping("/api/v1/routing/invitations/{id}/accept")
    LiveContactResponse acceptInvitation(@AuthenticationPrincipal SignedInAgent me, @PathVariable UUID id) {
        return LiveContactResponse.of(liveContacts.acceptInvitation(new InvitationId(id), me));
    }

    @PostMapping("/api/v1/routing/invitations/{id}/decline")
    InvitationResponse declineInvitation(@AuthenticationPrincipal SignedInAgent me, @PathVariable UUID id) {
        return InvitationResponse.of(liveContacts.declineInvitation(new InvitationId(id), me));
    }

    @PostMapping("/api/v1/routing/invitations/{id}/withdraw")
    InvitationResponse withdrawInvitation(@AuthenticationPrincipal SignedInAgent me, @PathVariable UUID id) {
        return InvitationResponse.of(liveContacts.withdrawInvitation(new InvitationId(id), me));
    }

    /** Holds open now: every one for supervisors and admins, the caller's own for agents. */
    @GetMapping("/api/v1/routing/holds")
    List<HoldResponse> holds(@AuthenticationPrincipal SignedInAgent me) {
        return liveContacts.holds(me).stream().map(HoldResponse::of).toList();
    }
}
