package dev.casekeeper.routing.web;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.cases.CaseDetail;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.routing.ContactState;
import dev.casekeeper.routing.InvitationId;
import dev.casekeeper.routing.InviteColleague;
import dev.casekeeper.routing.LiveContactManagement;
import dev.casekeeper.routing.TransferContact;
import dev.casekeeper.shared.ConflictException;
import dev.casekeeper.shared.InvalidInputException;
import dev.casekeeper.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The live contact panel of the case page: the contact's state, the hold with its timer, who is on
 * it, how often the case was transferred, the request for a supervisor; and for the agent on the
 * contact, hold and resume, a cold transfer to another team's queue, inviting a colleague (warm
 * transfer) and taking the invitation back, leaving, and ending the conversation. Changes answer
 * with the panel; a refused change shows why and changes nothing. Asking for a supervisor from the
 * panel is {@link CaseSupervisorRequestController}'s.
 */
@Controller
class ContactPanelController {

    /**
     * The transfer and invitation forms as typed, kept when a change is refused; {@code form} says which
     * of the two was sent ({@code transfer} or {@code invite}), so the other one starts afresh.
     */
    record ContactForm(
            @Nullable String form,
            @Nullable UUID teamId,
            @Nullable UUID agentId,
            @Nullable String reason,
            @Nullable String summary) {

        static final ContactForm NONE = new ContactForm(null, null, null, null, null);

        public boolean isFor(String which) {
            return which.equals(form);
        }
    }

    private final LiveContactManagement liveContacts;
    private final CaseLookup cases;
    private final ContactPanels panels;

    ContactPanelController(LiveContactManagement liveContacts, CaseLookup cases, ContactPanels panels) {
        this.liveContacts = liveContacts;
        this.cases = cases;
        this.panels = panels;
    }

    @GetMapping("/cases/{number}/contact")
    String panel(@PathVariable long number, @AuthenticationPrincipal SignedInAgent me, Model model) {
        panels.fill(cases.findByNumber(number, me), me, model);
        model.addAttribute("form", ContactForm.NONE);
        return "routing/contact :: panel";
    }

    @GetMapping("/cases/{number}/contact/state")
    String state(@PathVariable long number, @AuthenticationPrincipal SignedInAgent me, Model model) {
        panels.fill(cases.findByNumber(number, me), me, model);
        return "routing/contact :: state";
    }

    @PostMapping("/cases/{number}/contact/hold")
    String hold(
            @PathVariable long number,
            @AuthenticationPrincipal SignedInAgent me,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        return onContact(
                number, me, request, response, model, id -> liveContacts.hold(id, me), "routing/contact :: state");
    }

    @PostMapping("/cases/{number}/contact/resume")
    String resume(
            @PathVariable long number,
            @AuthenticationPrincipal SignedInAgent me,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        return onContact(
                number, me, request, response, model, id -> liveContacts.resume(id, me), "routing/contact :: state");
    }

    @PostMapping("/cases/{number}/contact/leave")
    String leave(
            @PathVariable long number,
            @AuthenticationPrincipal SignedInAgent me,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        return onContact(
                number, me, request, response, model, id -> liveContacts.leave(id, me), "routing/contact :: state");
    }

    @PostMapping("/cases/{number}/contact/end")
    String end(
            @PathVariable long number,
            @AuthenticationPrincipal SignedInAgent me,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        return onContact(
                number, me, request, response, model, id -> liveContacts.end(id, me), "routing/contact :: state");
    }

    @PostMapping("/cases/{number}/contact/transfer")
    String transfer(
            @PathVariable long number,
            @AuthenticationPrincipal SignedInAgent me,
            @Valid @ModelAttribute("form") ContactForm form,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        var sent = new ContactForm("transfer", form.teamId(), null, form.reason(), form.summary());
        model.addAttribute("form", sent);
        return onContact(
                number,
                me,
                request,
                response,
                model,
                id -> {
                    if (form.teamId() == null) {
                        throw new InvalidInputException("teamId", "choose the team whose queue the contact goes to");
                    }
                    liveContacts.transfer(
                            id,
                            new TransferContact(new TeamId(form.teamId()), text(form.reason()), text(form.summary())),
                            me);
                },
                "routing/contact :: panel");
    }

    @PostMapping("/cases/{number}/contact/invitations")
    String invite(
            @PathVariable long number,
            @AuthenticationPrincipal SignedInAgent me,
            @Valid @ModelAttribute("form") ContactForm form,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        var sent = new ContactForm("invite", null, form.agentId(), form.reason(), form.summary());
        model.addAttribute("form", sent);
        return onContact(
                number,
                me,
                request,
                response,
                model,
                id -> {
                    if (form.agentId() == null) {
                        throw new InvalidInputException("agentId", "choose the colleague to invite");
                    }
                    liveContacts.invite(
                            id,
                            new InviteColleague(new AgentId(form.agentId()), text(form.reason()), text(form.summary())),
                            me);
                },
                "routing/contact :: panel");
    }

    @PostMapping("/cases/{number}/contact/invitations/{id}/withdrawal")
    String withdrawInvitation(
            @PathVariable long number,
            @PathVariable UUID id,
            @AuthenticationPrincipal SignedInAgent me,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        return onContact(
                number,
                me,
                request,
                response,
                model,
                contact -> liveContacts.withdrawInvitation(new InvitationId(id), me),
                "routing/contact :: state");
    }

    /** Runs a change on the case's live contact; answers the fragment, with the refusal when it was refused. */
    private String onContact(
            long number,
            SignedInAgent me,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Consumer<dev.casekeeper.routing.ContactId> change,
            String fragment) {
        CaseDetail detail = cases.findByNumber(number, me);
        var contact = liveContacts
                .liveContactOfCase(detail.summary().id())
                .filter(c -> c.contact().state() == ContactState.ACCEPTED);
        try {
            if (contact.isEmpty()) {
                throw new ConflictException("contact-not-live", "This case has no live contact now");
            }
            change.accept(contact.get().contact().id());
            response.setHeader("HX-Trigger", "case-changed-" + number);
            if (fragment.endsWith("panel")) {
                model.addAttribute("form", ContactForm.NONE);
            }
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("refusal", e.getMessage());
            model.addAttribute(
                    "refusalField",
                    e.fieldErrors().keySet().stream().findFirst().orElse(null));
        } catch (ConflictException | AccessDeniedException e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            model.addAttribute("refusal", e.getMessage());
        }
        try {
            panels.fill(cases.findByNumber(number, me), me, model);
        } catch (NotFoundException e) {
            // Transferred out of the agent's sight (another team's queue): back to their workspace.
            response.setHeader("HX-Redirect", request.getContextPath() + "/");
            return "routing/bar :: nothing";
        }
        return fragment;
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }
}
