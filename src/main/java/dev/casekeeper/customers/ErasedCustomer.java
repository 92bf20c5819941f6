package dev.casekeeper.customers;

import java.util.List;
import java.util.Set;

/**
 * A customer whose personal data is being erased, as modules holding her data need to know her.
 *
 * @param records her record and the records merged into it: messages may be signed by any of them
 * @param identities her emails, phones and chat visitors before erasure
 */
public record ErasedCustomer(CustomerId id, Set<CustomerId> records, List<Identity> identities) {

    /** Her email addresses, in their normal form. */
    public List<String> emails() {
        return identities.stream()
                .filter(i -> i.kind() == IdentityKind.EMAIL)
                .map(Identity::value)
                .toList();
    }
}
