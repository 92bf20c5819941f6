package dev.casekeeper.workspace;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.cases.CaseStatus;
import dev.casekeeper.cases.CaseView;
import dev.casekeeper.cases.Channel;
import dev.casekeeper.cases.Priority;
import dev.casekeeper.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The workspace's lists: the views in the left column with their counts, and one view's cases,
 * filtered, sorted and searched. A partial request (htmx) gets only the part it replaces.
 */
@Controller
class WorkspaceController {

    private final CaseLists lists;
    private final CaseLookup cases;

    WorkspaceController(CaseLists lists, CaseLookup cases) {
        this.lists = lists;
        this.cases = cases;
    }

    @GetMapping({"/", "/views/{view}"})
    String list(
            @PathVariable(required = false) @Nullable String view,
            ListQuery query,
            @AuthenticationPrincipal SignedInAgent me,
            HttpServletRequest request,
            Model model) {
        var caseView = view == null
                ? CaseView.MINE
                : CaseView.fromKey(view).orElseThrow(() -> new NotFoundException("View", view));
        var jump = caseNumber(query.q());
        if (jump != null && !Htmx.isPartial(request)) {
            // A case number typed in the search box leads straight to the case, if the agent may see it.
            try {
                cases.findByNumber(jump, me);
                return "redirect:/cases/" + jump;
            } catch (NotFoundException e) {
                // Not a case this agent may open: search for the text instead.
            }
        }
        var search = query.toSearch(caseView);
        model.addAttribute("view", caseView);
        model.addAttribute("query", query);
        model.addAttribute("sort", search.sort());
        model.addAttribute("ascending", search.ascending());
        // The views' counts are not read here: the nav asks for them once the list has shown, as on
        // the case page, so a list is never slower than its own query (an agent's seven counts cost
        // 50-60 ms at 1M cases).
        model.addAttribute("list", lists.search(search, me));
        model.addAttribute("statuses", CaseStatus.values());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("links", new ListLinks(caseView, query, search.sort(), search.ascending()));
        return Htmx.isPartial(request) ? "workspace/list :: results" : "workspace/list";
    }

    /** The views with their counts, refreshed when cases change. */
    @GetMapping("/views/counts")
    String counts(
            @AuthenticationPrincipal SignedInAgent me,
            @RequestParam(required = false) @Nullable String current,
            Model model) {
        model.addAttribute("counts", lists.counts(me));
        model.addAttribute(
                "view", current == null ? null : CaseView.fromKey(current).orElse(null));
        return "workspace/nav :: views";
    }

    private static @Nullable Long caseNumber(@Nullable String q) {
        if (q == null) {
            return null;
        }
        String digits = q.strip().startsWith("#") ? q.strip().substring(1) : q.strip();
        return digits.matches("\\d{1,18}") ? Long.parseLong(digits) : null;
    }
}
