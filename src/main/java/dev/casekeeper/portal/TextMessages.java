package dev.casekeeper.portal;

/**
 * Sends a text message (SMS) to a phone number: how a sign-in code reaches a customer who signs in
 * with her phone. Casekeeper has no SMS gateway of its own; {@link LoggedTextMessages} is the one
 * there is until an integration provides a bean of this type (docs/portal.md).
 */
interface TextMessages {

    /**
     * Sends the text, once; a message that cannot be sent is not retried (the customer asks again).
     *
     * @return whether the gateway took it
     */
    boolean send(String to, String text);
}
