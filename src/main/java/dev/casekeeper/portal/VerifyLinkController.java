package dev.casekeeper.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The link a chat visitor gets for the address she typed. Opening it shows a button; pressing it
 * proves the address (a mail scanner that fetches links does not). No sign-in needed: the link is
 * the proof.
 */
@Controller
class VerifyLinkController {

    private final IdentityVerification verification;

    VerifyLinkController(IdentityVerification verification) {
        this.verification = verification;
    }

    @GetMapping("/portal/verify/{token}")
    String page(@PathVariable String token, Model model) {
        model.addAttribute("token", token);
        return "portal/verify-link";
    }

    @PostMapping("/portal/verify")
    String confirm(
            @RequestParam(defaultValue = "") String token,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        try {
            var result = token.isBlank()
                    ? java.util.Optional.<IdentityVerification.Result>empty()
                    : verification.confirmLink(token, request.getRemoteAddr());
            if (result.isPresent()) {
                model.addAttribute("confirmed", true);
                return "portal/verify-link";
            }
        } catch (RateLimited e) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute("limitedMinutes", e.minutes());
            return "portal/verify-link";
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("error", "portal.verifyLink.invalid");
        return "portal/verify-link";
    }
}
