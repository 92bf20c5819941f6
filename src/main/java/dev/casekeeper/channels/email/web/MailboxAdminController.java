package dev.casekeeper.channels.email.web;

import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.Team;
import dev.casekeeper.channels.email.Mailbox;
import dev.casekeeper.channels.email.MailboxId;
import dev.casekeeper.channels.email.MailboxManagement;
import dev.casekeeper.shared.ConflictException;
import dev.casekeeper.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admin pages of mailboxes (admins only, by the rule on /admin/**): the list, adding one, and
 * changing one's settings, its active flag included. The mailbox API has no deletion, so neither do
 * the pages: a mailbox no longer used is deactivated, and its cases keep their mail.
 */
@Controller
class MailboxAdminController {

    static final String LIST = "email/admin-mailboxes";
    static final String EDIT = "email/admin-mailbox";

    /** Where the facade's field names (those of the API) are shown on the form. */
    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("address", "address"),
            Map.entry("teamId", "teamId"),
            Map.entry("inbound.mode", "inboundMode"),
            Map.entry("inbound.host", "imapHost"),
            Map.entry("inbound.port", "imapPort"),
            Map.entry("inbound.security", "imapSecurity"),
            Map.entry("inbound.username", "imapUsername"),
            Map.entry("inbound.password", "imapPassword"),
            Map.entry("outbound.host", "smtpHost"),
            Map.entry("outbound.port", "smtpPort"),
            Map.entry("outbound.security", "smtpSecurity"),
            Map.entry("outbound.password", "smtpPassword"),
            Map.entry("mailbox-address-taken", "address"));

    private final MailboxManagement mailboxes;
    private final AgentManagement agents;

    MailboxAdminController(MailboxManagement mailboxes, AgentManagement agents) {
        this.mailboxes = mailboxes;
        this.agents = agents;
    }

    /** A mailbox as the list shows it, with the name of its team. */
    record MailboxRow(Mailbox mailbox, @Nullable String teamName) {}

    @GetMapping("/admin/mailboxes")
    String list(Model model) {
        var teams = agents.teams().stream()
                .collect(Collectors.toMap(team -> team.id().value(), Function.identity()));
        model.addAttribute(
                "rows",
                mailboxes.list().stream()
                        .map(mailbox -> new MailboxRow(
                                mailbox,
                                Optional.ofNullable(mailbox.teamId())
                                        .map(id -> teams.get(id.value()))
                                        .map(Team::name)
                                        .orElse(null)))
                        .toList());
        return LIST;
    }

    @GetMapping("/admin/mailboxes/new")
    String create(Model model) {
        if (!model.containsAttribute("mailboxForm")) {
            model.addAttribute("mailboxForm", MailboxForm.empty());
        }
        return form(model, null);
    }

    @PostMapping("/admin/mailboxes")
    String create(
            @Valid @ModelAttribute("mailboxForm") MailboxForm form,
            BindingResult errors,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Model model) {
        Mailbox created = save(form, errors, () -> mailboxes.create(form.command()));
        if (created == null) {
            response.setStatus(422);
            return form(model, null);
        }
        redirect.addFlashAttribute("notice", "email.admin.notice.created");
        return "redirect:/admin/mailboxes/" + created.id();
    }

    @GetMapping("/admin/mailboxes/{id}")
    String edit(@PathVariable UUID id, Model model) {
        var mailbox = mailboxes.find(new MailboxId(id));
        if (!model.containsAttribute("mailboxForm")) {
            model.addAttribute("mailboxForm", MailboxForm.of(mailbox));
        }
        return form(model, mailbox);
    }

    /** Replaces the mailbox's settings; an empty password field keeps the stored password. */
    @PostMapping("/admin/mailboxes/{id}")
    String edit(
            @PathVariable UUID id,
            @Valid @ModelAttribute("mailboxForm") MailboxForm form,
            BindingResult errors,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Model model) {
        var mailboxId = new MailboxId(id);
        var mailbox = mailboxes.find(mailboxId);
        if (save(form, errors, () -> mailboxes.replace(mailboxId, form.command())) == null) {
            response.setStatus(422);
            return form(model, mailbox);
        }
        redirect.addFlashAttribute("notice", "email.admin.notice.saved");
        return "redirect:/admin/mailboxes/" + id;
    }

    private String form(Model model, @Nullable Mailbox mailbox) {
        model.addAttribute("mailbox", mailbox);
        model.addAttribute("teams", agents.teams());
        return EDIT;
    }

    /** The saved mailbox, or null when the form was refused: the reasons are then beside the fields. */
    private static @Nullable Mailbox save(MailboxForm form, BindingResult errors, Supplier<Mailbox> action) {
        // Also after other errors, so that one answer names everything the form can check.
        form.checkInbound(errors);
        if (errors.hasErrors()) {
            return null;
        }
        try {
            return action.get();
        } catch (InvalidInputException e) {
            e.fieldErrors().forEach((field, message) -> reject(errors, field, message));
        } catch (ConflictException e) {
            reject(errors, e.code(), e.getMessage());
        }
        return null;
    }

    private static void reject(BindingResult errors, String field, String message) {
        String formField = FIELDS.get(field);
        if (formField != null) {
            errors.rejectValue(formField, "invalid", message);
        } else {
            errors.reject("invalid", message);
        }
    }
}
