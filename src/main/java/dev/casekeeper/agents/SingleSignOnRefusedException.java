package dev.casekeeper.agents;

/** Ends a sign-in through the identity provider; the refusal is recorded (and committed) before it is thrown. */
public class SingleSignOnRefusedException extends RuntimeException {

    private final SingleSignOnRefusal refusal;

    SingleSignOnRefusedException(SingleSignOnRefusal refusal) {
        super("Single sign-on refused: " + refusal);
        this.refusal = refusal;
    }

    public SingleSignOnRefusal refusal() {
        return refusal;
    }
}
