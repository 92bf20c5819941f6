package dev.casekeeper.customers;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A customer with identities and self-declared fields (keyed by {@link SelfField#key()}; who set
 * the display name is under {@link #DISPLAY_NAME}).
 *
 * @param mergedInto the record this one was merged into: it keeps no identities and no cases
 * @param erasedAt when the customer's personal data was erased at her request
 * @param tags what another desk said about her (an imported organization), lower case
 */
public record Customer(
        CustomerId id,
        String displayName,
        List<Identity> identities,
        Map<String, DeclaredField> fields,
        Instant createdAt,
        Instant updatedAt,
        @Nullable CustomerId mergedInto,
        @Nullable Instant erasedAt,
        List<String> tags) {

    /** The key under which {@link #fields()} says who set the display name (absent: set when the record was made). */
    public static final String DISPLAY_NAME = "displayName";

    /** Who set the display name, when it was set after the record was made. */
    public Optional<DeclaredField> displayNameDeclaration() {
        return Optional.ofNullable(fields.get(DISPLAY_NAME));
    }

    /** Whether the customer set her display name herself: then agents only suggest another. */
    public boolean displayNameLocked() {
        return displayNameDeclaration().map(DeclaredField::declaredByCustomer).orElse(false);
    }
}
