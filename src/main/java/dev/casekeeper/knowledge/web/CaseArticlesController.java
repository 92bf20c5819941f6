package dev.casekeeper.knowledge.web;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.knowledge.ArticleId;
import dev.casekeeper.knowledge.CaseKnowledge;
import dev.casekeeper.knowledge.KnowledgeManagement;
import dev.casekeeper.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Articles picker in the reply box: suggestions for the case (from its subject and the latest
 * customer message) until the agent types, then the articles matching what they typed; a public
 * article's link or text goes into the reply; an article is marked as having helped solve the case,
 * or flagged as out of date. A case the agent may not see is not found.
 */
@Controller
class CaseArticlesController {

    static final int SHOWN = 8;

    private final CaseKnowledge knowledge;
    private final KnowledgeManagement articles;
    private final PublicLinks links;

    CaseArticlesController(CaseKnowledge knowledge, KnowledgeManagement articles, PublicLinks links) {
        this.knowledge = knowledge;
        this.articles = articles;
        this.links = links;
    }

    @GetMapping("/cases/{number}/articles")
    String matching(
            @PathVariable long number,
            @RequestParam(required = false) @Nullable String q,
            @AuthenticationPrincipal SignedInAgent me,
            Model model) {
        model.addAttribute("number", number);
        model.addAttribute("q", q == null ? "" : q.strip());
        model.addAttribute("articles", knowledge.suggestions(number, q, me, SHOWN));
        model.addAttribute("helped", knowledge.helped(number, me));
        model.addAttribute("links", links);
        return "knowledge/case :: results";
    }

    @PostMapping("/cases/{number}/articles/{id}/helped")
    String helped(
            @PathVariable long number,
            @PathVariable UUID id,
            @AuthenticationPrincipal SignedInAgent me,
            HttpServletResponse response,
            Model model) {
        knowledge.markHelped(new ArticleId(id), number, me);
        // The timeline shows the new entry.
        response.setHeader("HX-Trigger", "case-changed-" + number);
        model.addAttribute("article", articles.find(new ArticleId(id)));
        return "knowledge/case :: helped-done";
    }

    @PostMapping("/cases/{number}/articles/{id}/outdated")
    String outdated(
            @PathVariable long number,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String note,
            @AuthenticationPrincipal SignedInAgent me,
            HttpServletResponse response,
            Model model) {
        model.addAttribute("article", articles.find(new ArticleId(id)));
        model.addAttribute("number", number);
        try {
            knowledge.flagOutdated(new ArticleId(id), number, note, me);
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("error", e.fieldErrors().getOrDefault("note", e.getMessage()));
            model.addAttribute("note", note);
            return "knowledge/case :: outdated-form";
        }
        return "knowledge/case :: outdated-done";
    }
}
