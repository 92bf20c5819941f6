package dev.casekeeper.agents.web;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.agents.TwoFactorCheck;
import dev.casekeeper.agents.TwoFactorEnrolment;
import dev.casekeeper.agents.TwoFactorManagement;
import dev.casekeeper.shared.ConflictException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An agent's own second factor: set it up (a QR code and the secret, shown on that answer only,
 * confirmed with a first code; then the recovery codes, shown once), or turn it off with a code.
 */
@Controller
class TwoFactorController {

    static final String PATH = "/account/two-factor";

    private final TwoFactorManagement twoFactor;

    TwoFactorController(TwoFactorManagement twoFactor) {
        this.twoFactor = twoFactor;
    }

    @GetMapping(PATH)
    String show(@AuthenticationPrincipal SignedInAgent me, Model model) {
        model.addAttribute("status", twoFactor.status(me.id()));
        return "agents/two-factor";
    }

    @PostMapping(PATH + "/enrolment")
    String start(@AuthenticationPrincipal SignedInAgent me, HttpServletResponse response, Model model) {
        try {
            return enrolment(twoFactor.startEnrolment(me.id(), me.email()), me, response, model);
        } catch (ConflictException e) {
            return "redirect:" + PATH;
        }
    }

    @PostMapping(PATH + "/confirmation")
    String confirm(
            @RequestParam(defaultValue = "") String code,
            @AuthenticationPrincipal SignedInAgent me,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        var codes = twoFactor.confirmEnrolment(me.id(), code);
        if (codes.isPresent()) {
            AccountStepsRequired.done(request, AccountStepsRequired.Step.SET_UP_TWO_FACTOR);
            // The recovery codes are in this answer only: not kept for a redirect, not cached.
            response.setHeader("Cache-Control", "no-store");
            model.addAttribute("recoveryCodes", codes.get());
            model.addAttribute("status", twoFactor.status(me.id()));
            return "agents/two-factor";
        }
        var pending = twoFactor.pendingEnrolment(me.id(), me.email());
        if (pending.isEmpty()) {
            return "redirect:" + PATH;
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("wrongCode", true);
        return enrolment(pending.get(), me, response, model);
    }

    @PostMapping(PATH + "/disable")
    String disable(
            @RequestParam(defaultValue = "") String code,
            @AuthenticationPrincipal SignedInAgent me,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Model model) {
        var check = code.isBlank() ? TwoFactorCheck.REFUSED : twoFactor.disable(me.id(), code);
        if (check == TwoFactorCheck.ACCEPTED) {
            redirect.addFlashAttribute("notice", "twoFactor.notice.disabled");
            return "redirect:" + PATH;
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute(check == TwoFactorCheck.LOCKED ? "lockedCode" : "wrongCode", true);
        return show(me, model);
    }

    private String enrolment(
            TwoFactorEnrolment enrolment, SignedInAgent me, HttpServletResponse response, Model model) {
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("status", twoFactor.status(me.id()));
        model.addAttribute("enrolment", enrolment);
        model.addAttribute("qr", QrCodes.svgDataUri(enrolment.uri()));
        return "agents/two-factor";
    }
}
