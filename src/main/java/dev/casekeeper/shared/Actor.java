package dev.casekeeper.shared;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Who did something: a customer, an agent, or Casekeeper itself. Recorded on every change. */
public record Actor(Kind kind, @Nullable UUID id) {

    public enum Kind {
        CUSTOMER,
        AGENT,
        SYSTEM;

        public String value() {
            return name().toLowerCase();
        }
    }

    public static final Actor SYSTEM = new Actor(Kind.SYSTEM, null);

    public static Actor agent(UUID id) {
        return new Actor(Kind.AGENT, id);
    }

    public static Actor customer(UUID id) {
        return new Actor(Kind.CUSTOMER, id);
    }
}
