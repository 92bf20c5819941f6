package dev.casekeeper.routing.web;

import static dev.casekeeper.routing.web.RoutingBarController.back;
import static dev.casekeeper.routing.web.RoutingBarController.partial;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.routing.ContactState;
import dev.casekeeper.routing.InvitationId;
import dev.casekeeper.routing.LiveContactManagement;
import dev.casekeeper.routing.OfferId;
import dev.casekeeper.routing.QueueManagement;
import dev.casekeeper.shared.ConflictException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The workspace top bar's inbox of incoming offers, invitations and hold prompts. It loads itself and
 * again whenever the live stream says the agent's routing changed. Accepting opens the case;
 * declining leaves the inbox without the card.
 */
@Controller
class RoutingInboxController {

    record HoldPrompt(long number, Instant since) {}

    private final QueueManagement queues;
    private final LiveContactManagement liveContacts;
    private final RoutingPages pages;

    RoutingInboxController(QueueManagement queues, LiveContactManagement liveContacts, RoutingPages pages) {
        this.queues = queues;
        this.liveContacts = liveContacts;
        this.pages = pages;
    }

    @GetMapping("/routing/inbox")
    String inbox(@AuthenticationPrincipal SignedInAgent me, Model model) {
        model.addAttribute(
                "offers",
                queues.contactsOf(me.id()).stream()
                        .filter(c -> c.state() == ContactState.OFFERED && c.offerId() != null)
                        .map(pages::offer)
                        .toList());
        model.addAttribute(
                "invitations",
                liveContacts.invitationsTo(me.id()).stream()
                        .map(pages::invitation)
                        .toList());
        model.addAttribute(
                "prompts",
                liveContacts.holdsOf(me.id()).stream()
                        .filter(h -> h.limitReached())
                        .map(h -> new HoldPrompt(pages.number(h.caseId()), h.since()))
                        .toList());
        return "routing/bar :: inbox";
    }

    @PostMapping("/routing/offers/{id}/accept")
    String accept(
            @AuthenticationPrincipal SignedInAgent me,
            @PathVariable UUID id,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        try {
            var contact = queues.accept(new OfferId(id), me.id());
            return open(pages.number(contact.caseId()), request, response);
        } catch (ConflictException e) {
            // Expired or withdrawn a moment ago: the card goes, with why.
            model.addAttribute("refusal", e.getMessage());
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return inbox(me, model);
        }
    }

    @PostMapping("/routing/offers/{id}/decline")
    String decline(
            @AuthenticationPrincipal SignedInAgent me,
            @PathVariable UUID id,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        try {
            queues.decline(new OfferId(id), me.id());
        } catch (ConflictException e) {
            model.addAttribute("refusal", e.getMessage());
        }
        return partial(request) ? inbox(me, model) : "redirect:" + back(request);
    }

    @PostMapping("/routing/invitations/{id}/accept")
    String acceptInvitation(
            @AuthenticationPrincipal SignedInAgent me,
            @PathVariable UUID id,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        try {
            var contact = liveContacts.acceptInvitation(new InvitationId(id), me);
            return open(pages.number(contact.contact().caseId()), request, response);
        } catch (ConflictException e) {
            model.addAttribute("refusal", e.getMessage());
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return inbox(me, model);
        }
    }

    @PostMapping("/routing/invitations/{id}/decline")
    String declineInvitation(
            @AuthenticationPrincipal SignedInAgent me, @PathVariable UUID id, HttpServletRequest request, Model model) {
        try {
            liveContacts.declineInvitation(new InvitationId(id), me);
        } catch (ConflictException e) {
            model.addAttribute("refusal", e.getMessage());
        }
        return partial(request) ? inbox(me, model) : "redirect:" + back(request);
    }

    /** Opens the case page: htmx follows a redirect header, a form post a redirect. */
    private static String open(long number, HttpServletRequest request, HttpServletResponse response) {
        String path = request.getContextPath() + "/cases/" + number;
        if (partial(request)) {
            response.setHeader("HX-Redirect", path);
            return "routing/bar :: nothing";
        }
        return "redirect:/cases/" + number;
    }
}
