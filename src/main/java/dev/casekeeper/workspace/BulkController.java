package dev.casekeeper.workspace;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.cases.BulkChange;
import dev.casekeeper.cases.BulkChanges;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.cases.CaseStatus;
import dev.casekeeper.cases.CaseSummary;
import dev.casekeeper.cases.Priority;
import dev.casekeeper.shared.InvalidInputException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The bulk bar of the workspace lists: the ticked cases get one change each, through the same rules
 * as on their own page, and the agent is back on the list with what changed and, case by case, what
 * was refused and why.
 */
@Controller
class BulkController {

    /** What the bar reports after a bulk change; kept in the session across the redirect. */
    record BulkResult(int changed, List<String> refused) implements Serializable {

        BulkResult {
            refused = List.copyOf(refused);
        }
    }

    private final BulkChanges bulk;
    private final CaseLookup lookup;
    private final MessageSource messages;

    BulkController(BulkChanges bulk, CaseLookup lookup, MessageSource messages) {
        this.bulk = bulk;
        this.lookup = lookup;
        this.messages = messages;
    }

    @PostMapping("/cases/bulk")
    String apply(
            @RequestParam(name = "pick", required = false) @Nullable List<Long> picked,
            @RequestParam(defaultValue = "") String action,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String priority,
            @RequestParam(defaultValue = "") String tags,
            @RequestParam(defaultValue = "") String target,
            @RequestParam(defaultValue = "/") String back,
            @AuthenticationPrincipal SignedInAgent me,
            RedirectAttributes redirect) {
        // Only a path of this site: never an address elsewhere.
        String to = back.startsWith("/") && !back.startsWith("//") ? back : "/";
        if (picked == null || picked.isEmpty()) {
            redirect.addFlashAttribute("bulkError", text("bulk.none"));
            return "redirect:" + to;
        }
        var numbers = new HashMap<UUID, Long>();
        var ids = new ArrayList<CaseId>();
        var unknown = new ArrayList<String>();
        for (long number : picked.stream().distinct().toList()) {
            var kase = lookup.byNumber(number);
            if (kase.isPresent() && lookup.visibleTo(kase.get().id(), me)) {
                ids.add(kase.get().id());
                numbers.put(kase.get().id().value(), number);
            } else {
                unknown.add(text("bulk.refused", number, text("relations.error.notFound")));
            }
        }
        try {
            var change = change(action, ids, status, priority, tags, target, me);
            var outcomes = ids.isEmpty() ? List.<BulkChange.Outcome>of() : bulk.apply(change, me);
            var refused = new ArrayList<>(unknown);
            int changed = 0;
            for (var outcome : outcomes) {
                if (outcome.changed()) {
                    changed++;
                } else {
                    refused.add(
                            text("bulk.refused", numbers.get(outcome.caseId().value()), outcome.detail()));
                }
            }
            redirect.addFlashAttribute("bulkResult", new BulkResult(changed, refused));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute(
                    "bulkError", String.join("; ", e.fieldErrors().values()));
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("bulkError", text("bulk.error.value"));
        }
        return "redirect:" + to;
    }

    private BulkChange change(
            String action,
            List<CaseId> ids,
            @Nullable String status,
            @Nullable String priority,
            String tags,
            String target,
            SignedInAgent me) {
        var kind = switch (action) {
            case "assign_me" -> BulkChange.Action.ASSIGN;
            case "status", "priority", "add_tags", "remove_tags", "merge", "spam" ->
                BulkChange.Action.valueOf(action.toUpperCase(Locale.ROOT));
            default -> throw new InvalidInputException("action", "'" + action + "' is not a bulk action");
        };
        CaseId into = null;
        if (kind == BulkChange.Action.MERGE) {
            into = lookup.byNumber(number(target))
                    .filter(c -> lookup.visibleTo(c.id(), me))
                    .map(CaseSummary::id)
                    .orElseThrow(() -> new InvalidInputException("target", text("relations.error.notFound")));
        }
        List<String> tagList = tags.isBlank()
                ? null
                : Arrays.stream(tags.split("[,\\s]+")).filter(t -> !t.isBlank()).toList();
        return new BulkChange(
                kind,
                ids,
                kind == BulkChange.Action.ASSIGN ? me.id() : null,
                kind == BulkChange.Action.STATUS && status != null ? CaseStatus.from(status) : null,
                kind == BulkChange.Action.PRIORITY && priority != null ? Priority.from(priority) : null,
                tagList,
                into,
                kind == BulkChange.Action.SPAM);
    }

    private long number(String typed) {
        try {
            return Long.parseLong(typed.strip().replaceFirst("^#", ""));
        } catch (NumberFormatException e) {
            throw new InvalidInputException(Map.of("target", text("bulk.error.number")));
        }
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }
}
