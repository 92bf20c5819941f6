package dev.casekeeper.web;

import dev.casekeeper.agents.SignedInAgent;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in form. Sign-in itself and sign-out are handled by the security filters. */
@Controller
class LoginController {

    @GetMapping("/login")
    String login(@AuthenticationPrincipal @Nullable SignedInAgent me) {
        return me == null ? "web/login" : "redirect:/";
    }
}
