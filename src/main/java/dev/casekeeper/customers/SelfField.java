package dev.casekeeper.customers;

import java.util.Arrays;
import java.util.Optional;

/**
 * Fields a customer declares about themselves. Once the customer has set one, it is theirs: an
 * agent can only suggest another value. (Her display name is declared the same way and kept as the
 * record's name: {@link Customer#DISPLAY_NAME}.)
 */
public enum SelfField {
    /** How to address her ("Maria", "Ms Lopez"). */
    PREFERRED_NAME("preferredName"),
    PRONOUNS("pronouns"),
    GENDER("gender"),
    /** A language tag ("de") when set in the portal; agents and integrations may have written a name ("German"). */
    LANGUAGE("language"),
    PREFERRED_CHANNEL("preferredChannel"),
    /** When she would like to be contacted, in her words ("weekdays after 5 pm"). */
    CONTACT_TIMES("contactTimes");

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
