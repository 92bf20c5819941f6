package dev.casekeeper.agents;

/** Why someone the identity provider signed in may not work in Casekeeper. */
public enum SingleSignOnRefusal {
    /** The provider gave no email, or did not say it verified it: it cannot be matched to an agent. */
    EMAIL_NOT_VERIFIED,
    /** The agent with this email is deactivated. */
    AGENT_DEACTIVATED
}
