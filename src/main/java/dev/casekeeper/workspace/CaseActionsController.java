package dev.casekeeper.workspace;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.assist.AssistManagement;
import dev.casekeeper.assist.ToneCheck;
import dev.casekeeper.cases.CaseDetail;
import dev.casekeeper.cases.CaseManagement;
import dev.casekeeper.cases.CaseStatus;
import dev.casekeeper.cases.ChangeCase;
import dev.casekeeper.cases.FileCheck;
import dev.casekeeper.cases.FileRefused;
import dev.casekeeper.cases.Priority;
import dev.casekeeper.cases.StatusChangeRefused;
import dev.casekeeper.cases.TransferCase;
import dev.casekeeper.shared.AccessDeniedException;
import dev.casekeeper.shared.ConflictException;
import dev.casekeeper.shared.InvalidInputException;
import dev.casekeeper.shared.NotFoundException;
import dev.casekeeper.workspace.CaseForms.AssignForm;
import dev.casekeeper.workspace.CaseForms.ChangeCaseForm;
import dev.casekeeper.workspace.CaseForms.NoteForm;
import dev.casekeeper.workspace.CaseForms.ReplyForm;
import dev.casekeeper.workspace.CaseForms.TransferForm;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * What an agent does on the case page: reply, note, change status, priority and tags, assign and
 * transfer. A refused action changes nothing and comes back with the reason beside the field, and
 * with what the agent typed.
 */
@Controller
class CaseActionsController {

    private final CaseManagement cases;
    private final CasePages pages;
    private final CaseScreen screens;
    private final AssistManagement assist;
    private final CaseReplies replies;

    CaseActionsController(
            CaseManagement cases, CasePages pages, CaseScreen screens, AssistManagement assist, CaseReplies replies) {
        this.cases = cases;
        this.pages = pages;
        this.screens = screens;
        this.assist = assist;
        this.replies = replies;
    }

    @PostMapping("/cases/{number}/replies")
    String reply(
            @PathVariable long number,
            @Valid @ModelAttribute("replyForm") ReplyForm form,
            BindingResult errors,
            @RequestParam(required = false) @Nullable Boolean toneChecked,
            @RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files,
            @AuthenticationPrincipal SignedInAgent me,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        var detail = pages.detail(number, me);
        if (!errors.hasErrors() && !Boolean.TRUE.equals(form.sendAnyway())) {
            var landed = landedSince(detail, form.seen(), me);
            if (!landed.isEmpty()) {
                // Shown in the box before anything is sent; sending again sends.
                model.addAttribute("landed", landed);
                model.addAttribute("seenNow", detail.timeline().size());
                return screens.refused(number, "reply-form", HttpStatus.CONFLICT, me, request, response, model);
            }
        }
        if (!errors.hasErrors() && !Boolean.TRUE.equals(toneChecked)) {
            var tone = toneOf(detail, form.body(), me);
            if (tone != null && !tone.clean()) {
                // The draft may land badly: the findings beside the box; the agent may still send it.
                model.addAttribute("tone", tone);
                return screens.refused(number, "reply-form", HttpStatus.CONFLICT, me, request, response, model);
            }
        }
        if (!errors.hasErrors()) {
            run(errors, () -> replies.send(detail.summary().id(), form, FileCheck.uploads(files), me));
        }
        if (errors.hasErrors()) {
            return screens.refused(number, "reply-form", CaseScreen.statusOf(errors), me, request, response, model);
        }
        screens.forget(model, "replyForm");
        return screens.done(number, "reply-form", me, request, response, model);
    }

    @PostMapping("/cases/{number}/notes")
    String note(
            @PathVariable long number,
            @Valid @ModelAttribute("noteForm") NoteForm form,
            BindingResult errors,
            @RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files,
            @AuthenticationPrincipal SignedInAgent me,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        var detail = pages.detail(number, me);
        if (!errors.hasErrors()) {
            run(errors, () -> cases.note(detail.summary().id(), form.body(), me, FileCheck.uploads(files)));
        }
        if (errors.hasErrors()) {
            return screens.refused(number, "note-form", CaseScreen.statusOf(errors), me, request, response, model);
        }
        screens.forget(model, "noteForm");
        return screens.done(number, "note-form", me, request, response, model);
    }

    @PostMapping("/cases/{number}/changes")
    String change(
            @PathVariable long number,
            @Valid @ModelAttribute("changeForm") ChangeCaseForm form,
            BindingResult errors,
            @AuthenticationPrincipal SignedInAgent me,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        var detail = pages.detail(number, me);
        var status = parse(form.status(), "status", errors, CaseStatus::from);
        var priority = parse(form.priority(), "priority", errors, Priority::from);
        var tags = form.tags() == null || form.tags().isBlank()
                ? List.<String>of()
                : Arrays.stream(form.tags().split("[,\\s]+"))
                        .filter(t -> !t.isBlank())
                        .toList();
        if (!errors.hasErrors()) {
            run(errors, () -> cases.change(detail.summary().id(), new ChangeCase(status, priority, tags), me));
        }
        if (errors.hasErrors()) {
            return screens.refused(number, "case-header", CaseScreen.statusOf(errors), me, request, response, model);
        }
        screens.forget(model, "changeForm");
        return screens.done(number, "case-header", me, request, response, model);
    }

    @PostMapping("/cases/{number}/assignment")
    String assign(
            @PathVariable long number,
            @Valid @ModelAttribute("assignForm") AssignForm form,
            BindingResult errors,
            @AuthenticationPrincipal SignedInAgent me,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        var detail = pages.detail(number, me);
        if (!errors.hasErrors()) {
            run(errors, () -> cases.assign(detail.summary().id(), new AgentId(form.agentId()), me));
        }
        if (errors.hasErrors()) {
            return screens.refused(number, "case-header", CaseScreen.statusOf(errors), me, request, response, model);
        }
        screens.forget(model, "assignForm");
        return screens.done(number, "case-header", me, request, response, model);
    }

    @PostMapping("/cases/{number}/transfers")
    String transfer(
            @PathVariable long number,
            @Valid @ModelAttribute("transferForm") TransferForm form,
            BindingResult errors,
            @AuthenticationPrincipal SignedInAgent me,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        var detail = pages.detail(number, me);
        AgentId toAgent = null;
        TeamId toTeam = null;
        if (form.target() != null && !form.target().isBlank()) {
            try {
                if (form.target().startsWith("agent:")) {
                    toAgent = new AgentId(UUID.fromString(form.target().substring(6)));
                } else if (form.target().startsWith("team:")) {
                    toTeam = new TeamId(UUID.fromString(form.target().substring(5)));
                } else {
                    errors.rejectValue("target", "form.transfer.target");
                }
            } catch (IllegalArgumentException e) {
                errors.rejectValue("target", "form.transfer.target");
            }
        }
        if (!errors.hasErrors()) {
            var command = new TransferCase(toAgent, toTeam, form.reason(), form.summary());
            run(errors, () -> cases.transfer(detail.summary().id(), command, me));
        }
        if (errors.hasErrors()) {
            return screens.refused(number, "case-header", CaseScreen.statusOf(errors), me, request, response, model);
        }
        screens.forget(model, "transferForm");
        try {
            return screens.done(number, "case-header", me, request, response, model);
        } catch (NotFoundException e) {
            return screens.outOfSight(request, response);
        }
    }

    /**
     * Messages, replies and notes by someone else that the agent had not seen when they started
     * writing: the reply may need to change.
     */
    private static List<TimelineItemRef> landedSince(CaseDetail detail, @Nullable Integer seen, SignedInAgent me) {
        if (seen == null) {
            return List.of();
        }
        var timeline = detail.timeline();
        return java.util.stream.IntStream.range(Math.max(0, seen), timeline.size())
                .mapToObj(timeline::get)
                .filter(entry -> entry.kind() != dev.casekeeper.cases.EntryKind.EVENT)
                .filter(entry -> !me.id().value().equals(entry.author().id()))
                .map(entry -> new TimelineItemRef(entry.kind(), entry.bodyText() == null ? "" : entry.bodyText()))
                .toList();
    }

    /** The tone check of a reply about to be sent; a draft too long to check is sent unchecked. */
    private @Nullable ToneCheck toneOf(CaseDetail detail, @Nullable String body, SignedInAgent me) {
        try {
            return body == null ? null : assist.tone(body, detail.summary().id(), null, me);
        } catch (InvalidInputException e) {
            return null;
        }
    }

    /** A message that landed while the agent was writing: what it is and what it says. */
    record TimelineItemRef(dev.casekeeper.cases.EntryKind kind, String text) {}

    /** Runs a facade call; a rule's refusal becomes an error on the form, naming the field when it can. */
    static void run(BindingResult errors, Runnable action) {
        try {
            action.run();
        } catch (FileRefused e) {
            errors.reject(
                    "attachments.refused." + e.reason().key(),
                    new Object[] {e.filename(), e.maxFiles(), e.maxFileMb()},
                    e.getMessage());
        } catch (InvalidInputException e) {
            e.fieldErrors().forEach((field, message) -> {
                if (errors.getFieldType(field) != null) {
                    errors.rejectValue(field, "invalid", message);
                } else {
                    errors.reject("invalid", message);
                }
            });
        } catch (StatusChangeRefused e) {
            errors.reject("conflict.status", new Object[] {status(e.from()), status(e.to())}, e.getMessage());
        } catch (ConflictException e) {
            errors.reject("conflict", e.getMessage());
        } catch (AccessDeniedException e) {
            errors.reject("forbidden", e.getMessage());
        } catch (NotFoundException e) {
            errors.reject("notFound", e.getMessage());
        }
    }

    private static MessageSourceResolvable status(CaseStatus status) {
        return new DefaultMessageSourceResolvable("status." + status.value());
    }

    private static <T> @Nullable T parse(
            @Nullable String value, String field, BindingResult errors, java.util.function.Function<String, T> parser) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            errors.rejectValue(field, "form.choice");
            return null;
        }
    }
}
