package dev.casekeeper.knowledge.web;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.knowledge.Article;
import dev.casekeeper.knowledge.ArticleFiles;
import dev.casekeeper.knowledge.ArticleId;
import dev.casekeeper.knowledge.ArticleState;
import dev.casekeeper.knowledge.KnowledgeManagement;
import dev.casekeeper.shared.ConflictException;
import dev.casekeeper.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The agents' knowledge-base pages: the list with search, the editor with a live preview as the
 * Markdown is typed, state changes (review, publish, back to draft), the history with the difference
 * between two revisions, and what readers and agents said about the article.
 */
@Controller
class KnowledgePagesController {

    static final String LIST = "knowledge/list";
    static final String EDIT = "knowledge/edit";

    private final KnowledgeManagement knowledge;
    private final dev.casekeeper.agents.AgentManagement agents;
    private final ArticleFiles files;

    KnowledgePagesController(
            KnowledgeManagement knowledge, dev.casekeeper.agents.AgentManagement agents, ArticleFiles files) {
        this.knowledge = knowledge;
        this.agents = agents;
        this.files = files;
    }

    @GetMapping("/knowledge")
    String list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String state,
            Model model) {
        ArticleState filter = null;
        if (state != null && !state.isBlank()) {
            try {
                filter = ArticleState.from(state);
            } catch (IllegalArgumentException e) {
                filter = null;
            }
        }
        model.addAttribute("articles", knowledge.list(q, filter, 200));
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("state", filter == null ? "" : filter.value());
        model.addAttribute("knowledgeView", true);
        return LIST;
    }

    @GetMapping("/knowledge/new")
    String newArticle(
            @RequestParam(required = false) @Nullable UUID translationOf,
            @RequestParam(required = false) @Nullable String locale,
            @AuthenticationPrincipal SignedInAgent me,
            Model model) {
        var form = ArticleForm.empty(locale == null ? knowledge.locales().getFirst() : locale, translationOf);
        if (translationOf != null) {
            var original = knowledge.find(new ArticleId(translationOf));
            form = new ArticleForm(
                    original.title(),
                    original.summary(),
                    original.body(),
                    form.locale(),
                    original.category(),
                    original.section(),
                    String.join(", ", original.tags()),
                    original.visibility().value(),
                    original.ownerId().toString(),
                    "",
                    translationOf.toString());
        }
        model.addAttribute("articleForm", form);
        return edit(model, null, me);
    }

    @PostMapping("/knowledge")
    String create(
            @ModelAttribute("articleForm") ArticleForm form,
            BindingResult errors,
            @AuthenticationPrincipal SignedInAgent me,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Model model) {
        var saved = save(form, errors, command -> knowledge.create(command, me));
        if (saved == null) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return edit(model, null, me);
        }
        redirect.addFlashAttribute("notice", "knowledge.notice.created");
        return "redirect:/knowledge/" + saved.id();
    }

    @GetMapping("/knowledge/{id}")
    String show(@PathVariable UUID id, @AuthenticationPrincipal SignedInAgent me, Model model) {
        var article = knowledge.find(new ArticleId(id));
        var form = ArticleForm.of(knowledge.pendingDraft(article.id()).orElse(article));
        model.addAttribute("articleForm", form);
        return edit(model, article, me);
    }

    @PostMapping("/knowledge/{id}")
    String change(
            @PathVariable UUID id,
            @ModelAttribute("articleForm") ArticleForm form,
            BindingResult errors,
            @AuthenticationPrincipal SignedInAgent me,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Model model) {
        var articleId = new ArticleId(id);
        var current = knowledge.find(articleId);
        var saved = save(form, errors, command -> knowledge.change(articleId, command, me));
        if (saved == null) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return edit(model, current, me);
        }
        redirect.addFlashAttribute(
                "notice", current.isPublished() ? "knowledge.notice.draftSaved" : "knowledge.notice.saved");
        return "redirect:/knowledge/" + id;
    }

    @PostMapping("/knowledge/{id}/state")
    String move(
            @PathVariable UUID id,
            @RequestParam String state,
            @AuthenticationPrincipal SignedInAgent me,
            RedirectAttributes redirect) {
        ArticleState to;
        try {
            to = ArticleState.from(state);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("state", "must be draft, review or published");
        }
        knowledge.moveTo(new ArticleId(id), to, me);
        redirect.addFlashAttribute("notice", "knowledge.notice." + to.value());
        return "redirect:/knowledge/" + id;
    }

    /** Moves the pending draft of a published article: to review, back to draft, or published. */
    @PostMapping("/knowledge/{id}/draft/state")
    String moveDraft(
            @PathVariable UUID id,
            @RequestParam String state,
            @AuthenticationPrincipal SignedInAgent me,
            RedirectAttributes redirect) {
        ArticleState to;
        try {
            to = ArticleState.from(state);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("state", "must be draft, review or published");
        }
        knowledge.moveDraft(new ArticleId(id), to, me);
        redirect.addFlashAttribute("notice", "knowledge.notice.draft." + to.value());
        return "redirect:/knowledge/" + id;
    }

    @PostMapping("/knowledge/{id}/draft/discard")
    String discardDraft(@PathVariable UUID id, @AuthenticationPrincipal SignedInAgent me, RedirectAttributes redirect) {
        knowledge.discardDraft(new ArticleId(id), me);
        redirect.addFlashAttribute("notice", "knowledge.notice.draftDiscarded");
        return "redirect:/knowledge/" + id;
    }

    /** The Markdown as readers will get it; for the editor, as it is typed. */
    @PostMapping("/knowledge/preview")
    String preview(@RequestParam(defaultValue = "") String body, Model model) {
        model.addAttribute("previewHtml", body.isBlank() ? null : knowledge.agentPreview(body));
        return EDIT + " :: preview";
    }

    @GetMapping("/knowledge/{id}/diff")
    String diff(@PathVariable UUID id, @RequestParam int from, @RequestParam int to, Model model) {
        var articleId = new ArticleId(id);
        model.addAttribute("article", knowledge.find(articleId));
        model.addAttribute("diff", knowledge.diff(articleId, from, to));
        model.addAttribute("knowledgeView", true);
        return "knowledge/diff";
    }

    private String edit(Model model, @Nullable Article article, @Nullable SignedInAgent me) {
        model.addAttribute("article", article);
        model.addAttribute("locales", knowledge.locales());
        model.addAttribute(
                "owners", agents.list().stream().filter(a -> a.active()).toList());
        model.addAttribute("knowledgeView", true);
        model.addAttribute("mayPublish", me != null && KnowledgeManagement.mayPublish(me));
        if (article != null) {
            model.addAttribute("draft", knowledge.pendingDraft(article.id()).orElse(null));
            var revisions = knowledge.revisions(article.id());
            var people = new HashSet<UUID>();
            revisions.forEach(r -> people.add(r.savedBy()));
            people.add(article.ownerId());
            model.addAttribute("revisions", revisions);
            var names = new java.util.HashMap<UUID, String>();
            knowledge.names(people).forEach((agent, name) -> names.put(agent.value(), name));
            model.addAttribute("names", names);
            model.addAttribute("translations", knowledge.translations(article.id()));
            model.addAttribute("stats", knowledge.stats(article.id()));
            if (me != null) {
                ArticleFilesController.addTo(model, files, article, me, Set.of());
            }
        }
        return EDIT;
    }

    /** The saved article, or null when it was refused; the refusal is then beside its field. */
    private static @Nullable Article save(
            ArticleForm form,
            BindingResult errors,
            java.util.function.Function<dev.casekeeper.knowledge.SaveArticle, Article> action) {
        var fieldErrors = new LinkedHashMap<String, String>();
        var command = form.command(fieldErrors);
        if (fieldErrors.isEmpty()) {
            try {
                return action.apply(command);
            } catch (InvalidInputException e) {
                fieldErrors.putAll(e.fieldErrors());
            } catch (ConflictException e) {
                fieldErrors.put("locale", e.getMessage());
            }
        }
        fieldErrors.forEach((field, message) -> errors.rejectValue(field, "invalid", message));
        return null;
    }
}
