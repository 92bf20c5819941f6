package dev.casekeeper.routing.web;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.routing.Presence;
import dev.casekeeper.routing.PresenceManagement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The workspace top bar's presence control: the agent's presence with their load. It loads itself and
 * again whenever the live stream says the agent's routing changed. The inbox beside it is
 * {@link RoutingInboxController}'s.
 */
@Controller
class RoutingBarController {

    static final String CHANGED = "routing-changed";

    private final PresenceManagement presence;

    RoutingBarController(PresenceManagement presence) {
        this.presence = presence;
    }

    @GetMapping("/routing/presence")
    String presence(@AuthenticationPrincipal SignedInAgent me, Model model) {
        model.addAttribute("routing", presence.agent(me.id()));
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
        this.presence.setPresence(me.id(), Presence.from(presence));
        if (!partial(request)) {
            return "redirect:" + back(request);
        }
        response.setHeader("HX-Trigger", CHANGED);
        return presence(me, model);
    }

    static boolean partial(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"));
    }

    /** Back to the page the form was on, if it was one of ours. */
    static String back(HttpServletRequest request) {
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
