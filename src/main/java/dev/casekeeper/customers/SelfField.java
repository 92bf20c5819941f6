package dev.casekeeper.customers;

import java.util.Arrays;
import java.util.Optional;

/** Fields a customer declares about themselves. Once the customer has set one, it is theirs. */
public enum SelfField {
    PREFERRED_NAME("preferredName"),
    PRONOUNS("pronouns"),
    GENDER("gender"),
    LANGUAGE("language"),
    PREFERRED_CHANNEL("preferredChannel");

    private final String key;

    SelfField(String key) {
        this.key = key;
    }

    /** The name used in the API and stored in the database. */
    public String key() {
        return key;
    }

    public static Optional<SelfField> fromKey(String key) {
        return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
    }
}
