package dev.casekeeper.shared;

/** The caller is known but their role may not do this. Answered with 403. */
public class AccessDeniedException extends RuntimeException {

    public AccessDeniedException(String message) {
        super(message);
    }
}
