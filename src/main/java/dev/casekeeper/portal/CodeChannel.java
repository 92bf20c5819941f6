package dev.casekeeper.portal;

import dev.casekeeper.customers.IdentityKind;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Delivers one-time codes through one kind of identity: {@link SignInMail} for email, {@link
 * PhoneCodes} (a text message) for phones. Signing in through {@link PortalSignIn} is the same for
 * both: the codes, their digests, expiry, single use, limits and the same answer for unknown
 * identities are shared (docs/portal.md).
 */
interface CodeChannel {

    /** The kind of identity this channel reaches. */
    IdentityKind kind();

    /**
     * Sends the code once the caller's transaction commits, off the request's thread, so an
     * identity that gets a code is answered as fast as one that does not.
     *
     * @param link the one-time link's token, for channels that carry links; null when there is none
     */
    void sendAfterCommit(String to, SignInCodes.Purpose purpose, String code, @Nullable String link, Locale locale);
}
