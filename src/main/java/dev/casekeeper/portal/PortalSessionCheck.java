package dev.casekeeper.portal;

import dev.casekeeper.customers.CustomerManagement;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a portal session true to the customer's record: after her record was merged into another
 * (by a supervisor, or by her in another tab) the session continues as the record that remains;
 * after her data was erased, the session ends. Checked on every portal request, before access is
 * decided.
 */
final class PortalSessionCheck extends OncePerRequestFilter {

    private final CustomerManagement customers;

    PortalSessionCheck(CustomerManagement customers) {
        this.customers = customers;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof PortalCustomer customer) {
            var standing = customers.standing(customer.id());
            if (standing.isEmpty()) {
                SecurityContextHolder.clearContext();
                var session = request.getSession(false);
                if (session != null) {
                    session.removeAttribute(PortalSecurityConfiguration.CONTEXT_ATTRIBUTE);
                }
            } else if (!standing.get().equals(customer.id())) {
                PortalSecurityConfiguration.signIn(
                        new PortalCustomer(standing.get().value(), customer.email()), request, response);
            }
        }
        chain.doFilter(request, response);
    }
}
