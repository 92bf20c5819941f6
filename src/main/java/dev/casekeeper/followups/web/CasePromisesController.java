package dev.casekeeper.followups.web;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.cases.CaseStatus;
import dev.casekeeper.followups.Followup;
import dev.casekeeper.followups.FollowupId;
import dev.casekeeper.followups.FollowupManagement;
import dev.casekeeper.followups.RecordPromise;
import dev.casekeeper.shared.AcceptedDates;
import dev.casekeeper.shared.ConflictException;
import dev.casekeeper.shared.InvalidInputException;
import dev.casekeeper.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The promises panel of the case page: the case's promises and check-ins, open ones first, the
 * repeat-contact flag, and recording, keeping and withdrawing promises in place. A refusal comes
 * back beside the form with what was typed and changes nothing; a case the agent may not see is
 * not found.
 */
@Controller
class CasePromisesController {

    static final String PANEL = "followups/case :: promises";
    static final String PAGE = "followups/case-page";

    /** Open ones first, soonest due first; then the closed ones in the order they were closed. */
    private static final Comparator<Followup> OPEN_FIRST_SOONEST_DUE = Comparator.comparing(
                    (Followup f) -> f.state() != Followup.State.OPEN)
            .thenComparing(f ->
                    f.state() == Followup.State.OPEN ? f.dueAt() : Objects.requireNonNullElse(f.closedAt(), f.dueAt()));

    private final FollowupManagement followups;
    private final CaseLookup cases;
    private final AgentManagement agents;
    private final Clock clock;

    CasePromisesController(FollowupManagement followups, CaseLookup cases, AgentManagement agents, Clock clock) {
        this.followups = followups;
        this.cases = cases;
        this.agents = agents;
        this.clock = clock;
    }

    @GetMapping("/cases/{number}/followups")
    String panel(
            @PathVariable long number,
            @AuthenticationPrincipal SignedInAgent me,
            HttpServletRequest request,
            Model model) {
        fill(model, number, me);
        return view(request);
    }

    @PostMapping("/cases/{number}/promises")
    String record(
            @PathVariable long number,
            @Valid @ModelAttribute("promiseForm") PromiseForm form,
            @AuthenticationPrincipal SignedInAgent me,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        var caseId = cases.findByNumber(number, me).summary().id();
        var due = form.due();
        String text = form.text() == null ? "" : form.text();
        if (text.isBlank()) {
            model.addAttribute("textError", "promises.error.text");
        }
        if (due == null) {
            model.addAttribute("dueError", "promises.error.due");
        } else if (!AcceptedDates.contains(due)) {
            model.addAttribute("dueError", "promises.error.range");
            due = null;
        }
        if (!text.isBlank() && due != null) {
            try {
                followups.recordPromise(caseId, new RecordPromise(text, due), me);
                model.addAttribute("promiseForm", PromiseForm.empty());
            } catch (InvalidInputException e) {
                model.addAttribute(
                        e.fieldErrors().containsKey("dueAt") ? "dueError" : "textError",
                        e.fieldErrors().containsKey("dueAt") ? "promises.error.future" : "promises.error.text");
            } catch (ConflictException e) {
                model.addAttribute("promiseRefusal", e.getMessage());
            }
        }
        if (model.containsAttribute("textError")
                || model.containsAttribute("dueError")
                || model.containsAttribute("promiseRefusal")) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        }
        return answer(number, me, request, response, model);
    }

    @PostMapping("/cases/{number}/promises/{id}/keep")
    String keep(
            @PathVariable long number,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String note,
            @AuthenticationPrincipal SignedInAgent me,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        return close(
                number,
                id,
                "keep",
                note,
                () -> followups.keep(new FollowupId(id), note, me),
                me,
                request,
                response,
                model);
    }

    @PostMapping("/cases/{number}/promises/{id}/withdraw")
    String withdraw(
            @PathVariable long number,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String reason,
            @AuthenticationPrincipal SignedInAgent me,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        return close(
                number,
                id,
                "withdraw",
                reason,
                () -> followups.withdraw(new FollowupId(id), reason, me),
                me,
                request,
                response,
                model);
    }

    private String close(
            long number,
            UUID id,
            String action,
            String typed,
            Supplier<Followup> closing,
            SignedInAgent me,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        cases.findByNumber(number, me);
        Failure failure = null;
        try {
            closing.get();
        } catch (InvalidInputException e) {
            failure = new Failure(
                    id, action, "promises.error." + (action.equals("keep") ? "note" : "reason"), null, typed);
        } catch (ConflictException | NotFoundException e) {
            failure = new Failure(id, action, null, e.getMessage(), typed);
        }
        if (failure != null) {
            model.addAttribute("failed", failure);
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        }
        return answer(number, me, request, response, model);
    }

    /** After an action: the panel as the case is now; on success the rest of the page is told the case changed. */
    private String answer(
            long number, SignedInAgent me, HttpServletRequest request, HttpServletResponse response, Model model) {
        boolean done = response.getStatus() < 400;
        if (!partial(request) && done) {
            return "redirect:/cases/" + number;
        }
        if (done) {
            response.setHeader("HX-Trigger", "case-changed-" + number);
        }
        fill(model, number, me);
        return view(request);
    }

    private void fill(Model model, long number, SignedInAgent me) {
        var kase = cases.findByNumber(number, me).summary();
        var found = followups.ofCase(kase.id(), me);
        var list = found.followups().stream().sorted(OPEN_FIRST_SOONEST_DUE).toList();
        var ids = new HashSet<AgentId>();
        list.forEach(f -> Stream.of(f.ownerId(), f.createdBy(), f.closedBy())
                .filter(Objects::nonNull)
                .forEach(ids::add));
        model.addAttribute("number", number);
        model.addAttribute("now", clock.instant());
        model.addAttribute("closed", kase.status() == CaseStatus.CLOSED);
        model.addAttribute("followups", list);
        model.addAttribute("repeats", found.repeatContacts());
        model.addAttribute("names", agents.names(ids));
        if (!model.containsAttribute("promiseForm")) {
            model.addAttribute("promiseForm", PromiseForm.empty());
        }
    }

    private static String view(HttpServletRequest request) {
        return partial(request) ? PANEL : PAGE;
    }

    private static boolean partial(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request")) && !"true".equals(request.getHeader("HX-Boosted"));
    }

    /** A keep or withdraw that was refused: which, why, and what was typed. */
    record Failure(
            UUID id,
            String action,
            @Nullable String key,
            @Nullable String refusal,
            String typed) {

        public boolean is(FollowupId other, String what) {
            return id.equals(other.value()) && action.equals(what);
        }
    }
}
