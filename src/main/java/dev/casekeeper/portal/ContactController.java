package dev.casekeeper.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The hosted web form at {@code /contact}, open to anyone. When the form was shown is kept in the
 * browser's session (in PostgreSQL, so any node sees it) for the time-to-submit check.
 */
@Controller
class ContactController {

    static final String SHOWN_AT = "portal.contact.shown-at";

    private final WebForm form;
    private final ContactTopics topics;
    private final Clock clock;

    ContactController(WebForm form, ContactTopics topics, Clock clock) {
        this.form = form;
        this.topics = topics;
        this.clock = clock;
    }

    /** The file limits the form's hint and errors name, and the admin's topics (none: she writes her own). */
    @ModelAttribute
    void fileLimits(Model model, Locale locale) {
        model.addAttribute("maxFiles", PortalAttachments.MAX_FILES);
        model.addAttribute("maxFileMb", PortalAttachments.MAX_FILE_MB);
        model.addAttribute(
                "topics",
                topics.list().stream()
                        .map(topic -> new TopicChoice(topic.id().toString(), topic.label(locale)))
                        .toList());
    }

    /** A topic as the form offers it: its id and its label in the page's language. */
    record TopicChoice(String id, String label) {}

    @GetMapping("/contact")
    String show(HttpSession session, Model model) {
        session.setAttribute(SHOWN_AT, clock.instant());
        model.addAttribute("form", new WebForm.Submission("", "", "", "", ""));
        model.addAttribute("errors", java.util.Map.of());
        return "portal/contact";
    }

    @PostMapping("/contact")
    String submit(
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String topic,
            @RequestParam(defaultValue = "") String description,
            @RequestParam(defaultValue = "") String website,
            @RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files,
            HttpServletRequest request,
            HttpServletResponse response,
            HttpSession session,
            Locale locale,
            Model model,
            RedirectAttributes redirect)
            throws IOException {
        var submission = new WebForm.Submission(name, email, topic, description, website);
        try {
            Instant shownAt = session.getAttribute(SHOWN_AT) instanceof Instant at ? at : null;
            var ack = form.submit(
                    submission, MyRequestsController.uploads(files), shownAt, request.getRemoteAddr(), locale);
            session.removeAttribute(SHOWN_AT);
            redirect.addFlashAttribute("number", ack.number());
            redirect.addFlashAttribute("team", ack.team());
            redirect.addFlashAttribute(
                    "firstResponseDue",
                    ack.firstResponse() == null ? null : ack.firstResponse().dueAt());
            return "redirect:/contact/sent";
        } catch (WebForm.Refused e) {
            response.setStatus(
                    e.outcome == WebForm.Outcome.RATE_LIMITED
                            ? HttpStatus.TOO_MANY_REQUESTS.value()
                            : HttpStatus.BAD_REQUEST.value());
            // Shown afresh: the next try is timed from now.
            session.setAttribute(SHOWN_AT, clock.instant());
            model.addAttribute("form", submission);
            model.addAttribute("errors", e.errors);
            model.addAttribute("refused", e.outcome == WebForm.Outcome.INVALID ? null : e.outcome.tag());
            model.addAttribute("limitedMinutes", e.minutes);
            model.addAttribute("filesErrorName", e.file);
            return "portal/contact";
        }
    }

    @GetMapping("/contact/sent")
    String sent(Model model, Locale locale) {
        if (!model.containsAttribute("number")) {
            return "redirect:/contact";
        }
        model.addAttribute("times", new PortalTimes(locale));
        return "portal/contact-sent";
    }
}
