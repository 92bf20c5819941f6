package dev.casekeeper.customers;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A customer from another desk's export, for {@link CustomerImports}.
 *
 * @param key the source's key for her, handed back with the result
 * @param known the customer an earlier import made of her, if any
 * @param tags lower-case tags to add (her organization)
 */
public record ImportCustomer(
        String key,
        @Nullable CustomerId known,
        String displayName,
        @Nullable String email,
        @Nullable String phone,
        List<String> tags) {}
