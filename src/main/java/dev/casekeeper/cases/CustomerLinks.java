package dev.casekeeper.cases;

import java.util.Optional;

/**
 * What the customers' side of the desk (the portal) adds to what is sent to a customer about a case:
 * a signed link to the case's status page at the end of every mail, the mail that tells the customer
 * the case is solved and asks for a rating, and the rating page for the end of a chat. Declared here
 * so the channels need not know the portal, which implements it; each answers empty when there is
 * nothing to add (no public address is set, or no rating is wanted).
 */
public interface CustomerLinks {

    /** The lines that end every mail about the case: where to read its status without signing in. */
    Optional<Footer> statusFooter(CaseSummary kase);

    /** The mail telling the customer the case is solved, with links to rate it; empty when none should go. */
    Optional<Mail> solvedMail(CaseSummary kase);

    /** The page where the customer rates the case's latest solve (the end of a chat); empty when there is none. */
    Optional<String> ratingPage(CaseSummary kase);

    /** Text for a plain-text mail and the same as HTML (escaped, with its link). */
    record Footer(String text, String html) {}

    /** A mail in the customer's language: its subject, text and HTML. */
    record Mail(String subject, String text, String html) {}
}
