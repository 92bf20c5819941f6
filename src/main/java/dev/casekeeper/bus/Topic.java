package dev.casekeeper.bus;

/**
 * A named stream of messages on the {@link ClusterBus}: each module that uses the bus names its own
 * (lower-case letters, digits and dashes), so one module's messages never reach another's
 * subscribers.
 */
public record Topic(String name) {

    public Topic {
        if (!name.matches("[a-z0-9-]{1,40}")) {
            throw new IllegalArgumentException(
                    "A topic name has 1 to 40 lower-case letters, digits or dashes: " + name);
        }
    }
}
