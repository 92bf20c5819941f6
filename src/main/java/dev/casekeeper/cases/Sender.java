package dev.casekeeper.cases;

import dev.casekeeper.customers.CustomerId;
import org.jspecify.annotations.Nullable;

/** Who wrote a message a channel received: the customer it is recorded from. */
public sealed interface Sender {

    /** Someone known by an email address only; found among the customers, or a new customer. */
    record Email(String address, @Nullable String name) implements Sender {}

    /** A customer the channel already identified (a chat visitor, a portal user). */
    record Known(CustomerId customerId) implements Sender {}

    /** The requester of the case the message is for (an integration relaying the customer's words). */
    record Requester() implements Sender {}

    static Sender email(String address, @Nullable String name) {
        return new Email(address, name);
    }

    static Sender customer(CustomerId customerId) {
        return new Known(customerId);
    }

    static Sender requester() {
        return new Requester();
    }
}
