package dev.casekeeper.channels.email;

import dev.casekeeper.cases.CaseSummary;
import dev.casekeeper.cases.CustomerLinks;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What the customers' side adds to mail about a case ({@link CustomerLinks}, the portal): the status
 * link at the end of acknowledgements and replies, and the solve mail. Without the portal (a module
 * test of this channel), nothing is added.
 */
@Component
class CaseMailLinks {

    private final ObjectProvider<CustomerLinks> links;

    CaseMailLinks(ObjectProvider<CustomerLinks> links) {
        this.links = links;
    }

    /** The text with the status link after it. */
    String text(CaseSummary kase, String text) {
        return footer(kase).map(f -> text + f.text()).orElse(text);
    }

    /** The HTML with the status link after it; null stays null (the mail has no HTML part). */
    @Nullable
    String html(CaseSummary kase, @Nullable String html) {
        return html == null ? null : footer(kase).map(f -> html + f.html()).orElse(html);
    }

    Optional<CustomerLinks.Mail> solvedMail(CaseSummary kase) {
        var provider = links.getIfAvailable();
        return provider == null ? Optional.empty() : provider.solvedMail(kase);
    }

    private Optional<CustomerLinks.Footer> footer(CaseSummary kase) {
        var provider = links.getIfAvailable();
        return provider == null ? Optional.empty() : provider.statusFooter(kase);
    }
}
