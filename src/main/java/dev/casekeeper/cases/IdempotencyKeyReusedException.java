package dev.casekeeper.cases;

/** An Idempotency-Key sent again with a different request. Answered with 422; nothing is created. */
public class IdempotencyKeyReusedException extends RuntimeException {

    IdempotencyKeyReusedException(String key) {
        super("The Idempotency-Key '" + key + "' was already used for a different request");
    }
}
