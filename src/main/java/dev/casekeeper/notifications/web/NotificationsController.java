package dev.casekeeper.notifications.web;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.notifications.Notification;
import dev.casekeeper.notifications.NotificationManagement;
import dev.casekeeper.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The bell in the top bar and the signed-in agent's notifications: unread first, each linking to
 * its case, marked read one by one or all at once. Only ever the caller's own; someone else's is
 * not found.
 */
@Controller
class NotificationsController {

    static final int PAGE_SIZE = 50;
    static final String CHANGED = "notifications-changed";

    private final NotificationManagement notifications;
    private final CaseLookup cases;

    NotificationsController(NotificationManagement notifications, CaseLookup cases) {
        this.notifications = notifications;
        this.cases = cases;
    }

    /** The bell with the unread count; reloaded whenever the live stream says something new came. */
    @GetMapping("/notifications/bell")
    String bell(@AuthenticationPrincipal SignedInAgent me, Model model) {
        model.addAttribute("unread", notifications.unread(me));
        return "notifications/bell :: bell";
    }

    @GetMapping("/notifications")
    String list(
            @AuthenticationPrincipal SignedInAgent me,
            @RequestParam(required = false) @Nullable String cursor,
            HttpServletRequest request,
            Model model) {
        var inbox = notifications.inbox(me, cursor, PAGE_SIZE);
        model.addAttribute("items", inbox.page().items());
        model.addAttribute("next", inbox.page().nextCursor());
        model.addAttribute("unread", inbox.unread());
        model.addAttribute("caseNumbers", caseNumbers(inbox.page().items(), me));
        return partial(request) ? "notifications/list :: inbox" : "notifications/list";
    }

    @PostMapping("/notifications/{id}/read")
    String read(
            @PathVariable UUID id,
            @AuthenticationPrincipal SignedInAgent me,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        notifications.markRead(id, me);
        return afterChange(me, request, response, model);
    }

    @PostMapping("/notifications/read-all")
    String readAll(
            @AuthenticationPrincipal SignedInAgent me,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        notifications.markAllRead(me);
        return afterChange(me, request, response, model);
    }

    private String afterChange(
            SignedInAgent me, HttpServletRequest request, HttpServletResponse response, Model model) {
        if (!partial(request)) {
            return "redirect:/notifications";
        }
        response.setHeader("HX-Trigger", CHANGED);
        return list(me, null, request, model);
    }

    /** The number of each case the notifications are about, where the agent may still open it. */
    private Map<UUID, Long> caseNumbers(Iterable<Notification> items, SignedInAgent me) {
        var numbers = new HashMap<UUID, Long>();
        for (var item : items) {
            var caseId = item.caseId();
            if (caseId == null || numbers.containsKey(caseId)) {
                continue;
            }
            try {
                numbers.put(caseId, cases.find(new CaseId(caseId), me).summary().number());
            } catch (NotFoundException e) {
                // Moved out of the agent's sight since: the notification stays, without a link.
                numbers.put(caseId, null);
            }
        }
        numbers.values().removeIf(Objects::isNull);
        return numbers;
    }

    private static boolean partial(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request")) && !"true".equals(request.getHeader("HX-Boosted"));
    }
}
