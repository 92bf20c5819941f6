package dev.casekeeper.agents;

/** Why someone the identity provider signed in may not work in Casekeeper. */
public enum SingleSignOnRefusal {
    /** The provider gave no email, or did not say it verified it: it cannot be matched to an agent. */
    EMAIL_NOT_VERIFIED,
    /** The agent linked to this account, or with this email, is deactivated. */
    AGENT_DEACTIVATED,
    /**
     * The agent with this email is linked to another account at the provider: whoever holds the email
     * there now is not that agent.
     */
    EMAIL_OF_ANOTHER_ACCOUNT
}
