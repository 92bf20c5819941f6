package dev.casekeeper.routing.rest;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.Priority;
import dev.casekeeper.routing.ContactId;
import dev.casekeeper.routing.EnqueueContact;
import dev.casekeeper.routing.LiveContactManagement;
import dev.casekeeper.routing.QueueManagement;
import dev.casekeeper.routing.RoutedChannel;
import dev.casekeeper.routing.rest.RoutingResponses.ContactResponse;
import dev.casekeeper.shared.InvalidInputException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Contacts: queue a case, read a contact with its position and estimated wait, end it, or record that the customer left. */
@RestController
class ContactsRestController {

    record EnqueueRequest(
            @NotNull UUID caseId,
            @NotBlank String channel,
            @Nullable UUID teamId,
            @Size(max = 50) @Nullable List<String> requiredSkills,
            @Nullable String priority,
            @Email @Size(max = 320) @Nullable String callbackEmail,
            @Size(max = 40) @Nullable String callbackPhone) {}

    record AbandonRequest(
            @Email @Size(max = 320) @Nullable String callbackEmail,
            @Size(max = 40) @Nullable String callbackPhone) {}

    private final QueueManagement queues;
    private final LiveContactManagement liveContacts;

    ContactsRestController(QueueManagement queues, LiveContactManagement liveContacts) {
        this.queues = queues;
        this.liveContacts = liveContacts;
    }

    @PostMapping("/api/v1/routing/contacts")
    ResponseEntity<ContactResponse> enqueue(
            @AuthenticationPrincipal SignedInAgent me, @Valid @RequestBody EnqueueRequest request) {
        var contact = queues.enqueue(
                new EnqueueContact(
                        new CaseId(request.caseId()),
                        RoutedChannel.from(request.channel()),
                        request.teamId() == null ? null : new TeamId(request.teamId()),
                        request.requiredSkills() == null
                                ? java.util.Set.of()
                                : new LinkedHashSet<>(request.requiredSkills()),
                        request.priority() == null ? null : priority(request.priority()),
                        request.callbackEmail(),
                        request.callbackPhone()),
                me);
        return ResponseEntity.created(URI.create("/api/v1/routing/contacts/" + contact.id()))
                .body(ContactResponse.of(contact));
    }

    @GetMapping("/api/v1/routing/contacts/{id}")
    ContactResponse find(@AuthenticationPrincipal SignedInAgent me, @PathVariable UUID id) {
        return ContactResponse.of(queues.contact(new ContactId(id), me));
    }

    @PostMapping("/api/v1/routing/contacts/{id}/end")
    ContactResponse end(@AuthenticationPrincipal SignedInAgent me, @PathVariable UUID id) {
        queues.contact(new ContactId(id), me);
        return ContactResponse.of(liveContacts.end(new ContactId(id)));
    }

    @PostMapping("/api/v1/routing/contacts/{id}/abandonment")
    ContactResponse abandon(
            @AuthenticationPrincipal SignedInAgent me,
            @PathVariable UUID id,
            @Valid @RequestBody(required = false) @Nullable AbandonRequest request) {
        queues.contact(new ContactId(id), me);
        return ContactResponse.of(queues.abandon(
                new ContactId(id),
                request == null ? null : request.callbackEmail(),
                request == null ? null : request.callbackPhone()));
    }

    private static Priority priority(String value) {
        try {
            return Priority.from(value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("priority", "must be one of low, normal, high, urgent");
        }
    }
}
