package dev.casekeeper.portal;

import dev.casekeeper.customers.CustomerDataHolder;
import dev.casekeeper.customers.CustomerId;
import dev.casekeeper.customers.ErasedCustomer;
import java.util.Map;
import org.springframework.stereotype.Component;

/** On erasure, the one-time codes sent to the customer go: they name her addresses. */
@Component
class PortalCustomerData implements CustomerDataHolder {

    private final SignInCodes codes;

    PortalCustomerData(SignInCodes codes) {
        this.codes = codes;
    }

    @Override
    public Map<String, Integer> erase(ErasedCustomer customer) {
        return Map.of(
                "signInCodes",
                codes.forget(customer.records().stream().map(CustomerId::value).toList()));
    }
}
