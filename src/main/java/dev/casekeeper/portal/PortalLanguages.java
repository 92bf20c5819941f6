package dev.casekeeper.portal;

import dev.casekeeper.customers.CustomerId;
import dev.casekeeper.customers.CustomerLanguages;
import dev.casekeeper.customers.CustomerManagement;
import dev.casekeeper.customers.SelfField;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The languages customers read the portal, the form and their mail in, and the one a customer
 * declared. The portal stores a language tag ({@code de}); a value an agent or an integration wrote
 * ("German", "Deutsch", "de-AT") is understood too. A language without texts (Portuguese, say) is
 * as good as none: the browser's language is used.
 */
@Component
class PortalLanguages {

    /** The languages with texts (src/main/resources/i18n/portal*.properties); English first, the fallback. */
    static final List<Locale> SUPPORTED = CustomerLanguages.SUPPORTED;

    private final CustomerManagement customers;

    PortalLanguages(CustomerManagement customers) {
        this.customers = customers;
    }

    /** The customer's declared language, if she declared one there are texts for. */
    Optional<Locale> declared(CustomerId customer) {
        return customers.declaredField(customer, SelfField.LANGUAGE.key()).flatMap(field -> parse(field.value()));
    }

    /** The declared language, else the one asked for (the browser's). */
    Locale of(CustomerId customer, Locale otherwise) {
        return declared(customer).orElse(otherwise);
    }

    /** A supported language from a tag or a language's name in any supported language. */
    static Optional<Locale> parse(String value) {
        return CustomerLanguages.parse(value);
    }
}
