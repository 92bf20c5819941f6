package dev.casekeeper.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * The application's {@code localeResolver}: for a customer signed in to the portal, the language
 * she declared (when there are texts in it); for everyone else, and for her when she declared none,
 * the browser's ({@code Accept-Language}), as Spring Boot's default resolver does. Agents' pages
 * are in English whatever this says: they have only English texts.
 */
@Component("localeResolver")
class CustomerLocaleResolver implements LocaleResolver {

    private static final String RESOLVED = CustomerLocaleResolver.class.getName() + ".locale";

    private final PortalLanguages languages;
    private final AcceptHeaderLocaleResolver browser = new AcceptHeaderLocaleResolver();

    CustomerLocaleResolver(PortalLanguages languages) {
        this.languages = languages;
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        if (request.getAttribute(RESOLVED) instanceof Locale resolved) {
            return resolved;
        }
        Locale locale = browser.resolveLocale(request);
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof PortalCustomer customer) {
            locale = languages.of(customer.id(), locale);
        }
        request.setAttribute(RESOLVED, locale);
        return locale;
    }

    @Override
    public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
        throw new UnsupportedOperationException("The language comes from the customer's profile or the browser");
    }

    /** After she changes her language, this request's pages are in the new one. */
    static void forget(HttpServletRequest request) {
        request.removeAttribute(RESOLVED);
    }
}
