package dev.casekeeper.knowledge.web;

import dev.casekeeper.knowledge.Article;
import dev.casekeeper.knowledge.KnowledgeSettings;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Absolute addresses of the help center's pages, for canonical links, the sitemap and the links agents
 * put into replies: under {@code casekeeper.knowledge.public-url} when set, else under the address of
 * the request (as a proxy passed it on).
 */
@Component("helpLinks")
public class PublicLinks {

    private final KnowledgeSettings settings;

    PublicLinks(KnowledgeSettings settings) {
        this.settings = settings;
    }

    public String of(Article article) {
        return of(article.path());
    }

    public String of(String path) {
        String base = settings.publicUrl().isBlank()
                ? ServletUriComponentsBuilder.fromCurrentContextPath().toUriString()
                : settings.publicUrl().replaceAll("/+$", "");
        return base + path;
    }
}
