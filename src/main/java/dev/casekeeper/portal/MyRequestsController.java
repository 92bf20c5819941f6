package dev.casekeeper.portal;

import dev.casekeeper.shared.InvalidInputException;
import dev.casekeeper.shared.Slice;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "My requests": the signed-in customer's cases, one case's public timeline, and replying to it. */
@Controller
class MyRequestsController {

    private final PortalCases cases;
    private final PortalFeedback feedback;
    private final PortalCallbacks callbacks;
    private final PortalAttachments attachments;

    MyRequestsController(
            PortalCases cases, PortalFeedback feedback, PortalCallbacks callbacks, PortalAttachments attachments) {
        this.cases = cases;
        this.feedback = feedback;
        this.callbacks = callbacks;
        this.attachments = attachments;
    }

    /** Her cases, newest first, a page at a time: {@code after} is the cursor the page before gave. */
    @GetMapping("/portal")
    String list(
            @AuthenticationPrincipal PortalCustomer customer,
            @RequestParam(required = false) @Nullable String after,
            Locale locale,
            Model model) {
        Slice<PortalCases.Row> page;
        try {
            page = cases.mine(customer.id(), after, PortalCases.PAGE);
        } catch (InvalidInputException e) {
            // A cursor that is not ours (edited, or from an older version): start again from the newest.
            return "redirect:/portal";
        }
        model.addAttribute("customer", customer);
        model.addAttribute("cases", page.items());
        model.addAttribute("older", page.nextCursor());
        model.addAttribute("paged", after != null);
        model.addAttribute("times", new PortalTimes(locale));
        return "portal/requests";
    }

    @GetMapping("/portal/cases/{number}")
    String page(
            @AuthenticationPrincipal PortalCustomer customer, @PathVariable long number, Locale locale, Model model) {
        return show(customer, number, locale, model);
    }

    @PostMapping("/portal/cases/{number}/replies")
    String reply(
            @AuthenticationPrincipal PortalCustomer customer,
            @PathVariable long number,
            @RequestParam(defaultValue = "") String body,
            @RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files,
            Locale locale,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect)
            throws IOException {
        String error = body.isBlank()
                ? "portal.reply.blank"
                : body.strip().length() > PortalCases.MAX_REPLY ? "portal.reply.tooLong" : null;
        if (error != null) {
            // The case is checked to be hers before anything is said about the reply.
            String view = show(customer, number, locale, model);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", error);
            model.addAttribute("body", body);
            return view;
        }
        long landed;
        try {
            landed = cases.reply(customer.id(), number, body, uploads(files));
        } catch (dev.casekeeper.cases.FileRefused refused) {
            String view = show(customer, number, locale, model);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("filesError", "portal.files." + refused.reason().key());
            model.addAttribute("filesErrorName", refused.filename());
            model.addAttribute("body", body);
            return view;
        }
        redirect.addFlashAttribute("sent", true);
        if (landed != number) {
            redirect.addFlashAttribute("followUpOf", number);
        }
        return "redirect:/portal/cases/" + landed;
    }

    /** A file attached to one of her own cases; anybody else's is not found. */
    @GetMapping("/portal/attachments/{id}")
    ResponseEntity<byte[]> attachment(@AuthenticationPrincipal PortalCustomer customer, @PathVariable UUID id) {
        var file = attachments.forCustomer(customer.id(), id);
        return dev.casekeeper.shared.SafeDownload.of(file.filename(), file.contentType(), file.content());
    }

    /** The files of a multipart form, as the checks take them. */
    static List<PortalAttachments.Upload> uploads(@Nullable List<MultipartFile> files) throws IOException {
        var uploads = new ArrayList<PortalAttachments.Upload>();
        for (var file : files == null ? List.<MultipartFile>of() : files) {
            String name = file.getOriginalFilename();
            uploads.add(new PortalAttachments.Upload(name == null ? "" : name, file.getBytes()));
        }
        return uploads;
    }

    String show(PortalCustomer customer, long number, Locale locale, Model model) {
        model.addAttribute("customer", customer);
        model.addAttribute("page", cases.page(customer.id(), number));
        model.addAttribute("offer", feedback.offer(customer.id(), number));
        model.addAttribute("maxRemark", Remarks.MAX);
        model.addAttribute("times", new PortalTimes(locale));
        model.addAttribute("maxReply", PortalCases.MAX_REPLY);
        model.addAttribute("talk", callbacks.talk(customer.id(), number));
        model.addAttribute("maxFiles", PortalAttachments.MAX_FILES);
        model.addAttribute("maxFileMb", PortalAttachments.MAX_FILE_MB);
        return "portal/case";
    }
}
