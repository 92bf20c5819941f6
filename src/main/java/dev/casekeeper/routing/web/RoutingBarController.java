package dev.casekeeper.routing.web;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.routing.ContactState;
import dev.casekeeper.routing.InvitationId;
import dev.casekeeper.routing.OfferId;
import dev.casekeeper.routing.Presence;
import dev.casekeeper.routing.RoutingManagement;
import dev.casekeeper.shared.ConflictException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The workspace top bar's routing: the agent's presence with their load, and the inbox of incoming
 * offers, invitations and hold prompts. Both load themselves and again whenever the live stream says
 * the agent's routing changed. Accepting opens the case; declining leaves the inbox without the card.
 */
@Controller
class RoutingBarController {

    static final String CHANGED = "routing-changed";

    private final RoutingManagement routing;
    private final RoutingPages pages;

    RoutingBarController(RoutingManagement routing, RoutingPages pages) {
        this.routing = routing;
        this.pages = pages;
    }

    @GetMapping("/routing/presence")
    String presence(@AuthenticationPrincipal SignedInAgent me, Model model) {
        model.addAttribute("routing", routing.agent(me.id()));
        model.addAttribute(
                "presences",
                Arrays.stream(Presence.values()).map(Presence::value).toList());
        return "routing/bar :: presence";
    }

    @PostMapping("/routing/presence")
    String setPresence(
            @AuthenticationPrincipal SignedInAgent me,
            @RequestParam String presence,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        routing.setPresence(me.id(), Presence.from(presence));
        if (!partial(request)) {
            return "redirect:" + back(request);
        }
        response.setHeader("HX-Trigger", CHANGED);
        return presence(me, model);
    }

    @GetMapping("/routing/inbox")
    String inbox(@AuthenticationPrincipal SignedInAgent me, Model model) {
        model.addAttribute(
                "offers",
                routing.contactsOf(me.id()).stream()
                        .filter(c -> c.state() == ContactState.OFFERED && c.offerId() != null)
                        .map(pages::offer)
                        .toList());
        model.addAttribute(
                "invitations",
                routing.invitationsTo(me.id()).stream().map(pages::invitation).toList());
        model.addAttribute(
                "prompts",
                routing.holdsOf(me.id()).stream()
                        .filter(h -> h.limitReached())
                        .map(h -> new HoldPrompt(pages.number(h.caseId()), h.since()))
                        .toList());
        return "routing/bar :: inbox";
    }

    record HoldPrompt(long number, java.time.Instant since) {}

    @PostMapping("/routing/offers/{id}/accept")
    String accept(
            @AuthenticationPrincipal SignedInAgent me,
            @PathVariable UUID id,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        try {
            var contact = routing.accept(new OfferId(id), me.id());
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
            routing.decline(new OfferId(id), me.id());
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
            var contact = routing.acceptInvitation(new InvitationId(id), me);
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
            routing.declineInvitation(new InvitationId(id), me);
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

    static boolean partial(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"));
    }

    /** Back to the page the form was on, if it was one of ours. */
    private static String back(HttpServletRequest request) {
        var referer = request.getHeader("Referer");
        var base = request.getScheme() + "://" + request.getServerName();
        if (referer != null && referer.startsWith(base)) {
            var path = java.net.URI.create(referer).getRawPath();
            if (path != null && path.startsWith("/") && !path.startsWith("//")) {
                return path;
            }
        }
        return "/";
    }
}
