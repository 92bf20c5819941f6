package dev.casekeeper.agents;

/**
 * How an agent signed in to the workspace. Every request of a browser session carries it as the
 * request attribute {@link #REQUEST_ATTRIBUTE}: the rules that follow a password sign-in (setting up a
 * second factor, replacing a temporary password) are not asked of an agent whose identity provider
 * signed them in, since that provider's own rules (and second factor) apply.
 */
public enum SignInMethod {
    PASSWORD,
    SINGLE_SIGN_ON;

    public static final String REQUEST_ATTRIBUTE = SignInMethod.class.getName();
}
