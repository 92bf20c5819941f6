package dev.casekeeper.knowledge.web;

import dev.casekeeper.knowledge.DeflectedFrom;
import dev.casekeeper.knowledge.HelpBranding;
import dev.casekeeper.knowledge.HelpCenter;
import dev.casekeeper.shared.InvalidInputException;
import dev.casekeeper.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The public help center: home with categories, article pages (with breadcrumbs, related articles and
 * "was this helpful?"), search with suggestions as the visitor types, and the count of deflections the
 * web form reports. In the visitor's language where articles are written in it. Only published public
 * articles exist here: any other number is not found.
 */
@Controller
class HelpCenterController {

    static final int RESULTS = 20;
    static final int SUGGESTIONS = 5;
    static final int RELATED = 5;
    static final int MAX_QUERY = 200;

    private final HelpCenter help;
    private final PublicLinks links;
    private final HelpLimits limits;
    private final HelpBranding branding;

    HelpCenterController(HelpCenter help, PublicLinks links, HelpLimits limits, HelpBranding branding) {
        this.help = help;
        this.branding = branding;
        this.links = links;
        this.limits = limits;
    }

    @GetMapping("/help")
    String home(Locale locale, Model model) {
        String language = help.language(locale.getLanguage());
        model.addAttribute("categories", help.categories(language));
        model.addAttribute("canonical", links.of("/help"));
        return page(model, language, "help/home");
    }

    @GetMapping("/help/search")
    String search(@RequestParam(defaultValue = "") String q, Locale locale, Model model) {
        String language = help.language(locale.getLanguage());
        String query = trimmed(q);
        model.addAttribute("q", query);
        model.addAttribute("results", help.search(query, language, RESULTS));
        model.addAttribute("canonical", links.of("/help/search"));
        return page(model, language, "help/search");
    }

    /** Articles for what the visitor is typing: the search box's list, and the web form's suggestions. */
    @GetMapping("/help/suggestions")
    String suggestions(
            @RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) @Nullable String from,
            Locale locale,
            Model model) {
        String language = help.language(locale.getLanguage());
        String query = trimmed(q);
        model.addAttribute("q", query);
        model.addAttribute("suggestions", help.search(query, language, SUGGESTIONS));
        return "contact".equals(from) ? "help/suggestions :: contact" : "help/suggestions :: list";
    }

    /** One suggested article for the chat widget, with its absolute address (the widget is on other sites). */
    record HelpSuggestion(long number, String title, String summary, String url) {}

    /**
     * The same suggestions for the chat widget, as JSON: it shows them as text on any site, so anyone
     * may read them (they are the public help center's articles) and no credentials are involved.
     */
    @GetMapping(value = "/help/suggestions", params = "from=chat")
    ResponseEntity<List<HelpSuggestion>> chatSuggestions(@RequestParam(defaultValue = "") String q, Locale locale) {
        String language = help.language(locale.getLanguage());
        var suggestions = help.search(trimmed(q), language, SUGGESTIONS).stream()
                .map(a -> new HelpSuggestion(a.number(), a.title(), a.summary(), links.of(a)))
                .toList();
        return ResponseEntity.ok()
                .header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
                .contentType(MediaType.APPLICATION_JSON)
                .body(suggestions);
    }

    @GetMapping("/help/articles/{number:\\d+}-{slug}")
    ModelAndView article(@PathVariable long number, @PathVariable String slug, Locale locale, Model model) {
        var article = help.article(number).orElseThrow(() -> new NotFoundException("Article", number));
        if (!article.slug().equals(slug)) {
            var moved = new RedirectView(article.path(), true);
            moved.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
            return new ModelAndView(moved);
        }
        String language = help.language(locale.getLanguage());
        model.addAttribute("article", article);
        model.addAttribute("translations", help.translations(article));
        model.addAttribute("related", help.related(article, language, RELATED));
        model.addAttribute("downloads", help.downloads(article));
        model.addAttribute("canonical", links.of(article));
        return new ModelAndView(page(model, article.locale(), "help/article"), model.asMap());
    }

    /** An article's address by number alone (as typed or shortened) leads to its canonical one. */
    @GetMapping("/help/articles/{number:\\d+}")
    ResponseEntity<Void> byNumber(@PathVariable long number) {
        var article = help.article(number).orElseThrow(() -> new NotFoundException("Article", number));
        return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY)
                .header("Location", article.path())
                .build();
    }

    @PostMapping("/help/articles/{number}/feedback")
    String feedback(
            @PathVariable long number,
            @RequestParam(required = false) @Nullable String helpful,
            @RequestParam(required = false) @Nullable String comment,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale,
            Model model) {
        var article = help.article(number).orElseThrow(() -> new NotFoundException("Article", number));
        model.addAttribute("article", article);
        if (!"yes".equals(helpful) && !"no".equals(helpful)) {
            throw new InvalidInputException("helpful", "must be yes or no");
        }
        var verdict = limits.from(request.getRemoteAddr());
        if (!verdict.allowed()) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(verdict.retryAfterSeconds()));
            model.addAttribute("feedbackState", "limited");
        } else {
            try {
                help.feedback(article, "yes".equals(helpful), comment);
                model.addAttribute("feedbackState", "thanks");
            } catch (InvalidInputException e) {
                response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
                model.addAttribute("feedbackState", "tooLong");
            }
        }
        if (htmx != null) {
            return "help/article :: feedback";
        }
        String language = help.language(locale.getLanguage());
        model.addAttribute("translations", help.translations(article));
        model.addAttribute("related", help.related(article, language, RELATED));
        model.addAttribute("downloads", help.downloads(article));
        model.addAttribute("canonical", links.of(article));
        return page(model, article.locale(), "help/article");
    }

    /**
     * The web form's report: the customer opened these suggested articles and left without sending
     * the form. Comma-separated article numbers; anything not a public article is ignored.
     */
    @PostMapping("/help/deflections")
    ResponseEntity<Void> deflections(
            @RequestParam(defaultValue = "") String articles,
            @RequestParam(required = false) @Nullable String from,
            HttpServletRequest request) {
        var verdict = limits.from(request.getRemoteAddr());
        if (!verdict.allowed()) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(verdict.retryAfterSeconds()))
                    .build();
        }
        var numbers = new ArrayList<Long>();
        for (String part : articles.split(",")) {
            try {
                numbers.add(Long.parseLong(part.strip()));
            } catch (NumberFormatException e) {
                // Not an article number: nothing to count.
            }
        }
        help.deflected(numbers, "chat".equals(from) ? DeflectedFrom.CHAT : DeflectedFrom.WEB_FORM);
        return ResponseEntity.noContent().build();
    }

    private String page(Model model, String language, String view) {
        var brand = branding.brand();
        model.addAttribute("brand", brand.name());
        model.addAttribute("helpBrand", brand);
        model.addAttribute("helpLanguage", language);
        return view;
    }

    private static String trimmed(String q) {
        String query = q.strip();
        return query.length() > MAX_QUERY ? query.substring(0, MAX_QUERY) : query;
    }
}
