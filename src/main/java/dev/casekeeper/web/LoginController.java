package dev.casekeeper.web;

import dev.casekeeper.agents.SignedInAgent;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in form, and the identity provider's button when single sign-on is configured. Sign-in
 * itself and sign-out are handled by the security filters.
 */
@Controller
class LoginController {

    private final SingleSignOn singleSignOn;

    LoginController(SingleSignOn singleSignOn) {
        this.singleSignOn = singleSignOn;
    }

    @GetMapping("/login")
    String login(@AuthenticationPrincipal @Nullable SignedInAgent me, Model model) {
        if (me != null) {
            return "redirect:/";
        }
        if (singleSignOn.enabled()) {
            model.addAttribute("ssoLabel", singleSignOn.label());
            model.addAttribute("ssoPath", SingleSignOn.START_PATH);
        }
        return "web/login";
    }
}
