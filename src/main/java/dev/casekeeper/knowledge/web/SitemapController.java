package dev.casekeeper.knowledge.web;

import dev.casekeeper.knowledge.HelpCenter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.util.HtmlUtils;

/** {@code /help/sitemap.xml}: the help center's home and every public article, for search engines. */
@Controller
class SitemapController {

    private final HelpCenter help;
    private final PublicLinks links;

    SitemapController(HelpCenter help, PublicLinks links) {
        this.help = help;
        this.links = links;
    }

    @GetMapping(value = "/help/sitemap.xml")
    ResponseEntity<String> sitemap() {
        var xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                """);
        xml.append("  <url><loc>")
                .append(HtmlUtils.htmlEscape(links.of("/help")))
                .append("</loc></url>\n");
        for (var article : help.sitemap()) {
            xml.append("  <url><loc>")
                    .append(HtmlUtils.htmlEscape(links.of(article)))
                    .append("</loc><lastmod>")
                    .append(DateTimeFormatter.ISO_LOCAL_DATE.format(
                            article.updatedAt().atOffset(ZoneOffset.UTC)))
                    .append("</lastmod></url>\n");
        }
        xml.append("</urlset>\n");
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(xml.toString());
    }
}
