package dev.casekeeper.portal;

import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.cases.CaseStatus;
import dev.casekeeper.cases.CaseSummary;
import dev.casekeeper.cases.CustomerLinks;
import dev.casekeeper.cases.TimelineEvent;
import dev.casekeeper.customers.CustomerManagement;
import dev.casekeeper.customers.DeclaredField;
import dev.casekeeper.shared.Actor;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The portal's part of the mail the desk sends about a case, in the customer's declared language
 * (else English): a signed link to the case's status page at the end of every mail, and the solve
 * mail with one link per rating. Nothing without {@code casekeeper.portal.base-url}, since a link made
 * from a request's Host header could point anywhere. No solve mail when the customer marked the case
 * solved herself: the portal asked her then.
 */
@Component
class CustomerMailLinks implements CustomerLinks {

    private final SignedLinks links;
    private final PortalSettings settings;
    private final PortalLinkSettings linkSettings;
    private final MessageSource messages;
    private final CustomerManagement customers;
    private final CaseLookup lookup;

    CustomerMailLinks(
            SignedLinks links,
            PortalSettings settings,
            PortalLinkSettings linkSettings,
            MessageSource messages,
            CustomerManagement customers,
            CaseLookup lookup) {
        this.links = links;
        this.settings = settings;
        this.linkSettings = linkSettings;
        this.messages = messages;
        this.customers = customers;
        this.lookup = lookup;
    }

    @Override
    public Optional<Footer> statusFooter(CaseSummary kase) {
        String base = base();
        if (base == null) {
            return Optional.empty();
        }
        var locale = locale(kase);
        String url = base + "/portal/status/" + links.status(kase.id());
        String line = text("portal.mail.footer", locale, kase.number());
        return Optional.of(new Footer(
                "\n\n-- \n" + line + "\n" + url + "\n",
                "<hr><p>" + HtmlUtils.htmlEscape(line) + "<br><a href=\"" + HtmlUtils.htmlEscape(url) + "\">"
                        + HtmlUtils.htmlEscape(url) + "</a></p>"));
    }

    @Override
    public Optional<Mail> solvedMail(CaseSummary kase) {
        String base = base();
        if (base == null || kase.status() != CaseStatus.SOLVED || kase.solvedAt() == null || solvedByCustomer(kase)) {
            return Optional.empty();
        }
        var locale = locale(kase);
        String rate = base + "/portal/rate/" + links.rating(kase.id(), kase.solvedAt(), "email") + "?score=";
        String subject = text("portal.mail.solved.subject", locale, kase.number(), kase.subject());
        String intro = text("portal.mail.solved.intro", locale, kase.number(), kase.subject());
        String question = text("portal.mail.solved.rate", locale);
        String reopen = text(
                "portal.mail.solved.reopen", locale, linkSettings.reopenPeriod().toDays());
        var plain = new StringBuilder(intro).append("\n\n").append(question).append("\n");
        var html = new StringBuilder("<p>")
                .append(HtmlUtils.htmlEscape(intro))
                .append("</p><p>")
                .append(HtmlUtils.htmlEscape(question))
                .append("</p><p>");
        for (String score : new String[] {"good", "okay", "bad"}) {
            String label = text("portal.rating." + score, locale);
            plain.append(label).append(": ").append(rate).append(score).append("\n");
            html.append("<a href=\"")
                    .append(HtmlUtils.htmlEscape(rate + score))
                    .append("\">")
                    .append(HtmlUtils.htmlEscape(label))
                    .append("</a> &nbsp; ");
        }
        plain.append("\n").append(reopen);
        html.append("</p><p>").append(HtmlUtils.htmlEscape(reopen)).append("</p>");
        var footer = statusFooter(kase).orElseThrow();
        return Optional.of(new Mail(subject, plain + footer.text(), html + footer.html()));
    }

    @Override
    public Optional<String> ratingPage(CaseSummary kase) {
        String base = base();
        if (base == null
                || kase.solvedAt() == null
                || (kase.status() != CaseStatus.SOLVED && kase.status() != CaseStatus.CLOSED)) {
            return Optional.empty();
        }
        return Optional.of(base + "/portal/rate/" + links.rating(kase.id(), kase.solvedAt(), "chat"));
    }

    /** Whether the latest move to solved was the customer's own (in the portal). */
    private boolean solvedByCustomer(CaseSummary kase) {
        return lookup.outline(kase.id()).timeline().reversed().stream()
                .filter(entry -> entry.event() instanceof TimelineEvent.StatusChanged changed
                        && changed.to() == CaseStatus.SOLVED)
                .findFirst()
                .map(entry -> entry.author().kind() == Actor.Kind.CUSTOMER)
                .orElse(false);
    }

    private @Nullable String base() {
        String base = settings.baseUrl();
        return base == null || base.isBlank() ? null : base.strip().replaceAll("/+$", "");
    }

    private Locale locale(CaseSummary kase) {
        return customers
                .declaredField(kase.requesterId(), "language")
                .map(DeclaredField::value)
                .filter(value -> !value.isBlank())
                .map(Locale::forLanguageTag)
                .orElse(Locale.ENGLISH);
    }

    private String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
