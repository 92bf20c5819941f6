package dev.casekeeper.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Sealed secrets open only with their key and in their own context, and a bad key stops the start. */
class SealedSecretsTests {

    private static String newKey() {
        return Base64.getEncoder().encodeToString(Base64.getUrlDecoder().decode(SealedSecrets.newSecret()));
    }

    private final SealedSecrets secrets = SealedSecrets.underKeyFrom("casekeeper.test.secret-key", newKey());

    @Test
    void aSealedSecretOpensInItsContextAndIsNotKeptInClear() {
        var sealed = secrets.seal("app-password-123", "mailbox:42:password");

        assertThat(sealed).startsWith("v1:").doesNotContain("app-password-123");
        assertThat(secrets.open(sealed, "mailbox:42:password")).contains("app-password-123");
        assertThat(secrets.seal("app-password-123", "mailbox:42:password"))
                .as("a new nonce each time")
                .isNotEqualTo(sealed);
    }

    @Test
    void aSecretCopiedIntoAnotherRowATamperedOneOrOneUnderAnotherKeyDoesNotOpen() {
        var sealed = secrets.seal("app-password-123", "mailbox:42:password");
        var other = SealedSecrets.underKeyFrom("casekeeper.test.secret-key", newKey());
        var bytes = Base64.getDecoder().decode(sealed.substring(3));
        bytes[bytes.length - 1] ^= 1;

        assertThat(secrets.open(sealed, "mailbox:43:password")).isEmpty();
        assertThat(secrets.open("v1:" + Base64.getEncoder().encodeToString(bytes), "mailbox:42:password"))
                .isEmpty();
        assertThat(other.open(sealed, "mailbox:42:password")).isEmpty();
        assertThat(secrets.open("plain text", "mailbox:42:password")).isEmpty();
        assertThat(secrets.open("v1:not base64!", "mailbox:42:password")).isEmpty();
        assertThat(secrets.open("v1:AAAA", "mailbox:42:password")).isEmpty();
    }

    @Test
    void withoutAKeyNothingIsSealedAndABadKeyNamesItsSetting() {
        var none = SealedSecrets.underKeyFrom("casekeeper.test.secret-key", " ");

        assertThat(none.canSeal()).isFalse();
        assertThatThrownBy(() -> none.seal("x", "c")).hasMessageContaining("casekeeper.test.secret-key");
        assertThatThrownBy(() -> SealedSecrets.underKeyFrom("casekeeper.test.secret-key", "c2hvcnQ="))
                .hasMessageContaining("casekeeper.test.secret-key must be 32 bytes");
        assertThatThrownBy(() -> SealedSecrets.underKeyFrom("casekeeper.test.secret-key", "%%%"))
                .hasMessageContaining("must be base64");
    }
}
