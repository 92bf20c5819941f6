package dev.casekeeper.shared;

/**
 * A request that is well formed but refused by a rule of the domain (a status transition that is
 * not allowed, a field the customer declared, an email already in use). Answered with 409; the
 * request changes nothing.
 */
public class ConflictException extends RuntimeException {

    private final String code;

    /**
     * @param code a short, stable, kebab-case name of the rule, used as the problem type
     * @param message what was refused and why, in words a user understands
     */
    public ConflictException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
