package dev.casekeeper.portal;

import dev.casekeeper.customers.CustomerId;
import java.io.Serializable;
import java.util.UUID;
import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * A customer signed in to the portal, as kept in the portal's part of the browser session: the
 * customer's id and the email address they proved they hold. Never an agent: the agents' pages take
 * another principal type, kept under another session attribute.
 */
record PortalCustomer(UUID customerId, String email) implements AuthenticatedPrincipal, Serializable {

    CustomerId id() {
        return new CustomerId(customerId);
    }

    @Override
    public String getName() {
        return customerId.toString();
    }
}
