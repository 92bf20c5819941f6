package dev.casekeeper.portal;

import dev.casekeeper.feedback.Score;
import dev.casekeeper.shared.ConflictException;
import dev.casekeeper.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What the signed-in customer does on her case page after the conversation: mark it solved, reopen
 * it, rate its solving, compliment, complain. Each answers with the case page; a refusal says why
 * beside its form and changes nothing. Someone else's case is not found, whatever the number.
 */
@Controller
class CaseFeedbackController {

    private final PortalFeedback feedback;
    private final MyRequestsController page;

    CaseFeedbackController(PortalFeedback feedback, MyRequestsController page) {
        this.feedback = feedback;
        this.page = page;
    }

    @PostMapping("/portal/cases/{number}/solved")
    String solved(
            @AuthenticationPrincipal PortalCustomer customer, @PathVariable long number, RedirectAttributes redirect) {
        feedback.solve(customer.id(), number);
        redirect.addFlashAttribute("done", "portal.solve.done");
        return "redirect:/portal/cases/" + number;
    }

    @PostMapping("/portal/cases/{number}/reopen")
    String reopen(
            @AuthenticationPrincipal PortalCustomer customer,
            @PathVariable long number,
            Locale locale,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            feedback.reopen(customer.id(), number);
        } catch (ConflictException e) {
            String view = page.show(customer, number, locale, model);
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("done", "portal.reopen.refused");
            return view;
        }
        redirect.addFlashAttribute("done", "portal.reopen.done");
        return "redirect:/portal/cases/" + number;
    }

    @PostMapping("/portal/cases/{number}/rating")
    String rate(
            @AuthenticationPrincipal PortalCustomer customer,
            @PathVariable long number,
            @RequestParam(defaultValue = "") String score,
            @RequestParam(defaultValue = "") String solvedAt,
            @RequestParam(required = false) @Nullable String comment,
            Locale locale,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        String error;
        try {
            feedback.rate(customer.id(), number, solve(solvedAt), Score.from(score), comment);
            redirect.addFlashAttribute("done", "portal.rating.thanks");
            return "redirect:/portal/cases/" + number + "#rating";
        } catch (InvalidInputException e) {
            error = e.fieldErrors().containsKey("score")
                    ? "portal.rating.scoreMissing"
                    : "portal.rating.commentTooLong";
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        } catch (ConflictException e) {
            error = "rating-final".equals(e.code()) ? "portal.rating.final" : "portal.rating.notSolved";
            response.setStatus(HttpStatus.CONFLICT.value());
        }
        String view = page.show(customer, number, locale, model);
        model.addAttribute("ratingError", error);
        model.addAttribute("comment", comment);
        return view;
    }

    @PostMapping("/portal/cases/{number}/compliments")
    String compliment(
            @AuthenticationPrincipal PortalCustomer customer,
            @PathVariable long number,
            @RequestParam(defaultValue = "") String text,
            Locale locale,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        String error = Remarks.error(text);
        if (error != null) {
            return refused(customer, number, "compliment", error, text, locale, model, response);
        }
        feedback.compliment(customer.id(), number, text);
        redirect.addFlashAttribute("done", "portal.compliment.thanks");
        return "redirect:/portal/cases/" + number;
    }

    @PostMapping("/portal/cases/{number}/complaints")
    String complain(
            @AuthenticationPrincipal PortalCustomer customer,
            @PathVariable long number,
            @RequestParam(defaultValue = "") String text,
            Locale locale,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        String error = Remarks.error(text);
        if (error != null) {
            return refused(customer, number, "complaint", error, text, locale, model, response);
        }
        var complaint = feedback.complain(customer.id(), number, text, locale);
        redirect.addFlashAttribute("done", "portal.complaint.thanks");
        redirect.addFlashAttribute("doneNumber", complaint.complaintCaseNumber());
        return "redirect:/portal/cases/" + complaint.complaintCaseNumber();
    }

    private String refused(
            PortalCustomer customer,
            long number,
            String form,
            String error,
            String text,
            Locale locale,
            Model model,
            HttpServletResponse response) {
        // The case is checked to be hers before anything is said about the text.
        String view = page.show(customer, number, locale, model);
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute(form + "Error", error);
        model.addAttribute(form + "Text", text);
        return view;
    }

    /** The solve the form was shown for; a missing or garbled one rates nothing. */
    private static Instant solve(String solvedAt) {
        try {
            return Instant.parse(solvedAt.strip());
        } catch (DateTimeParseException e) {
            throw new ConflictException("not-solved", "the form names no solve");
        }
    }
}
