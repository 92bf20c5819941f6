package dev.casekeeper.bus;

/**
 * Short messages to every node of the cluster (every application on the same database), this one
 * included, on named topics. For signals whose loss costs a reload, not for work that must happen:
 * that is what the event publication registry is for.
 *
 * <ul>
 *   <li>A message published inside a transaction goes out once it commits, and not at all if it rolls
 *       back; outside a transaction it goes out at once.
 *   <li>Each subscriber of the topic on this node gets it once; on the other nodes, once, while their
 *       bus is connected. A node whose bus lost its connection tells each of its subscribers, once
 *       connected again, that it {@linkplain Subscriber#missedMessages() may have missed messages},
 *       so they read again from the database what they show.
 *   <li>Subscribers are called one after the other on the bus's own thread, in the order messages
 *       arrived: they return quickly and hand longer work elsewhere.
 * </ul>
 */
public interface ClusterBus {

    /** The largest payload, in UTF-8 bytes: PostgreSQL's limit for a notification, less the envelope. */
    int MAX_PAYLOAD_BYTES = 7800;

    /**
     * Sends the payload to the topic's subscribers on every node, after the current transaction commits.
     *
     * @throws IllegalArgumentException if the payload is longer than {@link #MAX_PAYLOAD_BYTES}
     */
    void publish(Topic topic, String payload);

    /** From now on, the subscriber hears the topic's messages, from this node and every other. */
    Subscription subscribe(Topic topic, Subscriber subscriber);

    /** Whoever listens to a topic. */
    interface Subscriber {

        /** A message of the topic. */
        void receive(String payload);

        /**
         * Messages of the topic may have been lost (this node's bus was disconnected for a while, or
         * another node could not send for a while): read again what was missed, or reload.
         */
        void missedMessages();
    }

    /** A subscription, ended by {@link #close()}. */
    interface Subscription extends AutoCloseable {

        @Override
        void close();
    }
}
