package dev.casekeeper.workspace;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.cases.CaseDetail;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.cases.CaseRelations;
import dev.casekeeper.cases.CaseStatus;
import dev.casekeeper.cases.LinkedReplies;
import dev.casekeeper.cases.MergeCases;
import dev.casekeeper.shared.AccessDeniedException;
import dev.casekeeper.shared.ConflictException;
import dev.casekeeper.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The related-cases panel of the case page: merge this case into another (picked by its number,
 * the customer's other open cases offered), link an incident to this problem, reply on every
 * incident at once, and, for supervisors, undo a merge or a link. A refusal comes back in the panel
 * with what was typed and changes nothing.
 */
@Controller
class CaseRelationsController {

    static final String PANEL = "workspace/relations :: panel";

    private final CaseRelations relations;
    private final LinkedReplies linkedReplies;
    private final CaseLookup lookup;
    private final MessageSource messages;
    private final Clock clock;

    CaseRelationsController(
            CaseRelations relations,
            LinkedReplies linkedReplies,
            CaseLookup lookup,
            MessageSource messages,
            Clock clock) {
        this.relations = relations;
        this.linkedReplies = linkedReplies;
        this.lookup = lookup;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/cases/{number}/relations")
    String panel(@PathVariable long number, @AuthenticationPrincipal SignedInAgent me, Model model) {
        return fill(model, lookup.findByNumber(number, me), me);
    }

    @PostMapping("/cases/{number}/merge")
    String merge(
            @PathVariable long number,
            @RequestParam(defaultValue = "") String target,
            @RequestParam(defaultValue = "") String message,
            @AuthenticationPrincipal SignedInAgent me,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        var detail = lookup.findByNumber(number, me);
        model.addAttribute("typedTarget", target);
        model.addAttribute("typedMessage", message);
        model.addAttribute("openForm", "merge");
        var merged = attempt(model, response, () -> {
            var into = lookup.findByNumber(caseNumber(target), me);
            return relations.merge(
                    new MergeCases(detail.summary().id(), into.summary().id(), message.isBlank() ? null : message), me);
        });
        if (merged == null) {
            return fill(model, detail, me);
        }
        return goTo(merged.targetNumber(), request, response, () -> fill(model, detail, me));
    }

    @PostMapping("/cases/{number}/merge/undo")
    String undoMerge(
            @PathVariable long number,
            @AuthenticationPrincipal SignedInAgent me,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        var detail = lookup.findByNumber(number, me);
        var undone = attempt(
                model, response, () -> relations.undoMerge(detail.summary().id(), me));
        return undone == null
                ? fill(model, detail, me)
                : goTo(number, request, response, () -> fill(model, lookup.findByNumber(number, me), me));
    }

    @PostMapping("/cases/{number}/links")
    String link(
            @PathVariable long number,
            @RequestParam(defaultValue = "") String incident,
            @AuthenticationPrincipal SignedInAgent me,
            HttpServletResponse response,
            Model model) {
        var detail = lookup.findByNumber(number, me);
        model.addAttribute("typedIncident", incident);
        model.addAttribute("openForm", "link");
        var linked = attempt(
                model,
                response,
                () -> relations.link(
                        detail.summary().id(),
                        lookup.findByNumber(caseNumber(incident), me).summary().id(),
                        me));
        if (linked != null) {
            model.addAttribute("openForm", null);
            model.addAttribute("typedIncident", "");
            Htmx.caseChanged(response, number);
        }
        return fill(model, lookup.findByNumber(number, me), me);
    }

    @PostMapping("/cases/{number}/links/{linkId}/removal")
    String unlink(
            @PathVariable long number,
            @PathVariable UUID linkId,
            @AuthenticationPrincipal SignedInAgent me,
            HttpServletResponse response,
            Model model) {
        var detail = lookup.findByNumber(number, me);
        if (attempt(model, response, () -> relations.unlink(detail.summary().id(), linkId, me)) != null) {
            Htmx.caseChanged(response, number);
        }
        return fill(model, lookup.findByNumber(number, me), me);
    }

    @PostMapping("/cases/{number}/linked-replies")
    String replyToLinked(
            @PathVariable long number,
            @RequestParam(defaultValue = "") String body,
            @RequestParam(defaultValue = "false") boolean solve,
            @AuthenticationPrincipal SignedInAgent me,
            HttpServletResponse response,
            Model model) {
        var detail = lookup.findByNumber(number, me);
        model.addAttribute("openForm", "linked-reply");
        if (body.isBlank()) {
            model.addAttribute("relationRefusal", text("relations.linkedReply.empty"));
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        } else {
            model.addAttribute(
                    "linkedResults", linkedReplies.send(detail.summary().id(), body, solve, me));
        }
        return fill(model, detail, me);
    }

    private String fill(Model model, CaseDetail detail, SignedInAgent me) {
        var kase = detail.summary();
        var view = relations.of(kase.id(), me);
        model.addAttribute("number", kase.number());
        model.addAttribute("closed", kase.status() == CaseStatus.CLOSED);
        model.addAttribute("relations", view);
        model.addAttribute("mayUndo", CaseRelations.mayUndo(me));
        model.addAttribute("now", clock.instant());
        model.addAttribute(
                "hasIncidents",
                view.links().stream().anyMatch(l -> l.standing() && l.parentId().equals(kase.id())));
        model.addAttribute(
                "candidates",
                lookup.ofRequester(kase.requesterId(), 20).stream()
                        .filter(c -> !c.id().equals(kase.id()) && c.status() != CaseStatus.CLOSED)
                        .filter(c -> lookup.visibleTo(c.id(), me))
                        .toList());
        return PANEL;
    }

    /** Runs the change; a refusal goes to the panel as a readable sentence with a fitting status. */
    private <T> @Nullable T attempt(Model model, HttpServletResponse response, Supplier<T> change) {
        try {
            return change.get();
        } catch (NumberFormatException e) {
            model.addAttribute("relationRefusal", text("relations.error.number"));
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        } catch (NotFoundException e) {
            model.addAttribute("relationRefusal", text("relations.error.notFound"));
            response.setStatus(HttpStatus.NOT_FOUND.value());
        } catch (ConflictException e) {
            model.addAttribute("relationRefusal", e.getMessage());
            response.setStatus(HttpStatus.CONFLICT.value());
        } catch (AccessDeniedException e) {
            model.addAttribute("relationRefusal", e.getMessage());
            response.setStatus(HttpStatus.FORBIDDEN.value());
        }
        return null;
    }

    /** After a merge or its undoing the whole page changes: htmx loads the case page anew. */
    private static String goTo(
            long number, HttpServletRequest request, HttpServletResponse response, Supplier<String> panel) {
        if (Htmx.isPartial(request)) {
            response.setHeader("HX-Redirect", "/cases/" + number);
            return panel.get();
        }
        return "redirect:/cases/" + number;
    }

    /** A case number as agents type it: {@code 1042} or {@code #1042}. */
    private static long caseNumber(String typed) {
        return Long.parseLong(typed.strip().replaceFirst("^#", ""));
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
