package dev.casekeeper.portal;

import dev.casekeeper.feedback.Score;
import dev.casekeeper.shared.ConflictException;
import dev.casekeeper.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages reached by a signed link from mail, without signing in: a case's status (its facts and
 * promises, nothing else), and rating its solving with praise or a complaint. A link that is not good
 * (changed, expired, for another purpose) gets a page that says so, and nothing else.
 */
@Controller
class SignedLinksController {

    private final SignedLinks links;
    private final PortalCases cases;
    private final PortalFeedback feedback;

    SignedLinksController(SignedLinks links, PortalCases cases, PortalFeedback feedback) {
        this.links = links;
        this.cases = cases;
        this.feedback = feedback;
    }

    @GetMapping("/portal/status/{token}")
    String status(@PathVariable String token, Locale locale, Model model, HttpServletResponse response) {
        var link = links.check(token, SignedLinks.Purpose.STATUS);
        if (link.isEmpty()) {
            return invalid(response);
        }
        model.addAttribute("row", cases.row(feedback.linked(link.get().caseId())));
        model.addAttribute("times", new PortalTimes(locale));
        return "portal/status";
    }

    @GetMapping("/portal/rate/{token}")
    String rate(
            @PathVariable String token,
            @RequestParam(required = false) @Nullable String score,
            Locale locale,
            Model model,
            HttpServletResponse response) {
        var link = links.check(token, SignedLinks.Purpose.RATING);
        if (link.isEmpty()) {
            return invalid(response);
        }
        String chosen = score == null ? null : known(score);
        var offer = show(token, link.get(), locale, model);
        // One click in the mail rates: the page sends the score at once, unless it is the answer already given.
        boolean given = offer.rating() != null && offer.rating().score().value().equals(chosen);
        model.addAttribute("chosen", chosen);
        model.addAttribute("autosubmit", chosen != null && !given && model.getAttribute("done") == null);
        return "portal/rate";
    }

    @PostMapping("/portal/rate/{token}")
    String rated(
            @PathVariable String token,
            @RequestParam(defaultValue = "") String score,
            @RequestParam(required = false) @Nullable String comment,
            Locale locale,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        var link = links.check(token, SignedLinks.Purpose.RATING);
        if (link.isEmpty()) {
            return invalid(response);
        }
        String error;
        try {
            feedback.rate(link.get(), Score.from(score), comment);
            redirect.addFlashAttribute("done", "portal.rating.thanks");
            return "redirect:/portal/rate/" + token;
        } catch (InvalidInputException e) {
            error = e.fieldErrors().containsKey("score")
                    ? "portal.rating.scoreMissing"
                    : "portal.rating.commentTooLong";
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        } catch (ConflictException e) {
            error = "rating-final".equals(e.code()) ? "portal.rating.final" : "portal.rating.notSolved";
            response.setStatus(HttpStatus.CONFLICT.value());
        }
        show(token, link.get(), locale, model);
        model.addAttribute("ratingError", error);
        model.addAttribute("chosen", known(score));
        model.addAttribute("comment", comment);
        model.addAttribute("autosubmit", false);
        return "portal/rate";
    }

    @PostMapping("/portal/rate/{token}/compliment")
    String compliment(
            @PathVariable String token,
            @RequestParam(defaultValue = "") String text,
            Locale locale,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return remark(token, text, true, locale, model, response, redirect);
    }

    @PostMapping("/portal/rate/{token}/complaint")
    String complaint(
            @PathVariable String token,
            @RequestParam(defaultValue = "") String text,
            Locale locale,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return remark(token, text, false, locale, model, response, redirect);
    }

    private String remark(
            String token,
            String text,
            boolean compliment,
            Locale locale,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        var link = links.check(token, SignedLinks.Purpose.RATING);
        if (link.isEmpty()) {
            return invalid(response);
        }
        String error = Remarks.error(text);
        if (error == null) {
            if (compliment) {
                feedback.compliment(link.get(), text);
                redirect.addFlashAttribute("done", "portal.compliment.thanks");
            } else {
                var complaint = feedback.complain(link.get(), text, locale);
                redirect.addFlashAttribute("done", "portal.complaint.thanks");
                redirect.addFlashAttribute("doneNumber", complaint.complaintCaseNumber());
            }
            return "redirect:/portal/rate/" + token;
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        show(token, link.get(), locale, model);
        model.addAttribute("autosubmit", false);
        model.addAttribute(compliment ? "complimentError" : "complaintError", error);
        model.addAttribute(compliment ? "complimentText" : "complaintText", text);
        return "portal/rate";
    }

    private PortalFeedback.Offer show(String token, SignedLinks.Link link, Locale locale, Model model) {
        var kase = feedback.linked(link.caseId());
        var offer = feedback.offer(kase);
        if (offer.solvedAt() != null
                && link.solvedAt() != null
                && !offer.solvedAt().equals(link.solvedAt())) {
            // The link rates an earlier solve; the case was reopened since: it is rated when solved again.
            offer = new PortalFeedback.Offer(false, null, false, null, null, false, null);
        }
        model.addAttribute("token", token);
        model.addAttribute("row", cases.row(kase));
        model.addAttribute("offer", offer);
        model.addAttribute("times", new PortalTimes(locale));
        model.addAttribute("maxRemark", Remarks.MAX);
        return offer;
    }

    private static @Nullable String known(String score) {
        return switch (score.strip()) {
            case "good", "okay", "bad" -> score.strip();
            default -> null;
        };
    }

    private static String invalid(HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        return "portal/link-invalid";
    }
}
