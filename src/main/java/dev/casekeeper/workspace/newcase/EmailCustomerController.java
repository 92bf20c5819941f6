package dev.casekeeper.workspace.newcase;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.cases.FileCheck;
import dev.casekeeper.cases.FileRefused;
import dev.casekeeper.channels.ChannelManagement;
import dev.casekeeper.shared.InvalidInputException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * New case → Email a customer: the agent writes first, from the mailbox they choose, with files.
 * A refused form comes back with what was typed (files must be picked again) and why; nothing was
 * created or sent.
 */
@Controller
class EmailCustomerController {

    /** The page as typed. */
    record EmailCustomerForm(
            @Nullable String to,
            @Nullable String name,
            @Nullable String mailboxId,
            @Nullable String subject,
            @Nullable String body) {

        static EmailCustomerForm blank() {
            return new EmailCustomerForm("", "", "", "", "");
        }
    }

    private final ChannelManagement channels;
    private final MessageSource messages;

    EmailCustomerController(ChannelManagement channels, MessageSource messages) {
        this.channels = channels;
        this.messages = messages;
    }

    @GetMapping("/cases/new/email")
    String page(Model model) {
        return show(EmailCustomerForm.blank(), Map.of(), null, model);
    }

    @PostMapping("/cases/new/email")
    String send(
            @AuthenticationPrincipal SignedInAgent me,
            @ModelAttribute EmailCustomerForm form,
            @RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files,
            Model model,
            java.util.Locale locale,
            jakarta.servlet.http.HttpServletResponse response) {
        try {
            var kase = channels.emailCustomer(
                    form.to(),
                    form.name(),
                    mailbox(form.mailboxId()),
                    form.subject(),
                    form.body(),
                    FileCheck.uploads(files),
                    me);
            return "redirect:/cases/" + kase.number();
        } catch (FileRefused e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            String text = messages.getMessage(
                    "attachments.refused." + e.reason().key(),
                    new Object[] {e.filename(), e.maxFiles(), e.maxFileMb()},
                    locale);
            return show(form, Map.of(), text, model);
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return show(form, e.fieldErrors(), null, model);
        }
    }

    private String show(EmailCustomerForm form, Map<String, String> errors, @Nullable String filesError, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("filesError", filesError);
        model.addAttribute("mailboxes", channels.sendingMailboxes());
        model.addAttribute("newCaseView", true);
        return "workspace/email-customer";
    }

    private static @Nullable UUID mailbox(@Nullable String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(id.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("mailboxId", "is not a mailbox that can send");
        }
    }
}
