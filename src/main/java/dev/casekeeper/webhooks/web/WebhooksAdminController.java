package dev.casekeeper.webhooks.web;

import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.shared.ConflictException;
import dev.casekeeper.shared.InvalidInputException;
import dev.casekeeper.webhooks.WebhookEventType;
import dev.casekeeper.webhooks.WebhookManagement;
import dev.casekeeper.webhooks.WebhookManagement.SubscriptionForm;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin pages of outgoing webhooks: the subscriptions and a form to add one (its secret shown
 * once), and per subscription its settings, enable/disable, a test event, and the delivery log
 * with each delivery's body, attempts and a button to send it again. A refused value comes back
 * beside its field with what was typed.
 */
@Controller
class WebhooksAdminController {

    private static final int PAGE_SIZE = 50;

    private final WebhookManagement webhooks;
    private final AgentManagement agents;

    WebhooksAdminController(WebhookManagement webhooks, AgentManagement agents) {
        this.webhooks = webhooks;
        this.agents = agents;
    }

    @GetMapping("/admin/webhooks")
    String list(Model model) {
        model.addAttribute("webhooks", webhooks.list());
        model.addAttribute("eventTypes", eventTypes());
        model.addAttribute("teams", agents.teams());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new SubscriptionForm("", "", List.of(), null));
        }
        return "webhooks/admin-webhooks";
    }

    @PostMapping("/admin/webhooks")
    String create(
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String url,
            @RequestParam(required = false) @Nullable List<String> eventTypes,
            @RequestParam(defaultValue = "") String teamId,
            @AuthenticationPrincipal SignedInAgent me,
            HttpServletResponse response,
            Model model) {
        var form = new SubscriptionForm(name, url, eventTypes == null ? List.of() : eventTypes, team(teamId));
        try {
            var created = webhooks.create(form, me);
            model.addAttribute("created", created);
            return list(model);
        } catch (InvalidInputException | ConflictException e) {
            response.setStatus(e instanceof ConflictException ? 409 : 422);
            model.addAttribute("form", form);
            model.addAttribute("errorField", e instanceof InvalidInputException invalid ? field(invalid) : "secretKey");
            return list(model);
        }
    }

    @GetMapping("/admin/webhooks/{id}")
    String webhook(@PathVariable UUID id, @RequestParam(required = false) @Nullable String cursor, Model model) {
        model.addAttribute("webhook", webhooks.find(id));
        model.addAttribute("deliveries", webhooks.deliveries(id, cursor, PAGE_SIZE));
        model.addAttribute("eventTypes", eventTypes());
        model.addAttribute("teams", agents.teams());
        return "webhooks/admin-webhook";
    }

    @PostMapping("/admin/webhooks/{id}")
    String update(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String url,
            @RequestParam(required = false) @Nullable List<String> eventTypes,
            @RequestParam(defaultValue = "") String teamId,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Model model) {
        try {
            webhooks.update(
                    id, new SubscriptionForm(name, url, eventTypes == null ? List.of() : eventTypes, team(teamId)));
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("errorField", field(e));
            return webhook(id, null, model);
        }
        redirect.addFlashAttribute("notice", "webhooks.notice.saved");
        return "redirect:/admin/webhooks/" + id;
    }

    @PostMapping("/admin/webhooks/{id}/enabled")
    String enable(@PathVariable UUID id, @RequestParam boolean enabled, RedirectAttributes redirect) {
        webhooks.setEnabled(id, enabled);
        redirect.addFlashAttribute("notice", enabled ? "webhooks.notice.enabled" : "webhooks.notice.disabled");
        return "redirect:/admin/webhooks/" + id;
    }

    @PostMapping("/admin/webhooks/{id}/test")
    String test(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            webhooks.sendTest(id);
            redirect.addFlashAttribute("notice", "webhooks.notice.test");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("notice", "webhooks.notice.enableFirst");
        }
        return "redirect:/admin/webhooks/" + id;
    }

    @PostMapping("/admin/webhooks/{id}/delete")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        webhooks.delete(id);
        redirect.addFlashAttribute("notice", "webhooks.notice.deleted");
        return "redirect:/admin/webhooks";
    }

    @GetMapping("/admin/webhooks/{id}/deliveries/{deliveryId}")
    String delivery(@PathVariable UUID id, @PathVariable UUID deliveryId, Model model) {
        model.addAttribute("webhook", webhooks.find(id));
        model.addAttribute("delivery", webhooks.delivery(id, deliveryId));
        return "webhooks/admin-delivery";
    }

    @PostMapping("/admin/webhooks/{id}/deliveries/{deliveryId}/redelivery")
    String redeliver(@PathVariable UUID id, @PathVariable UUID deliveryId, RedirectAttributes redirect) {
        try {
            webhooks.redeliver(id, deliveryId);
            redirect.addFlashAttribute("notice", "webhooks.notice.redelivered");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("notice", "webhooks.notice.enableFirst");
        }
        return "redirect:/admin/webhooks/" + id + "/deliveries/" + deliveryId;
    }

    private static String field(InvalidInputException e) {
        return e.fieldErrors().keySet().stream().findFirst().orElse("name");
    }

    private static List<String> eventTypes() {
        return WebhookEventType.values(Arrays.asList(WebhookEventType.values()));
    }

    private static @Nullable UUID team(String value) {
        if (value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("teamId", "no such team");
        }
    }
}
