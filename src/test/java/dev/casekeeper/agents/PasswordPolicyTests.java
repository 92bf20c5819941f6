package dev.casekeeper.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.casekeeper.agents.WeakPasswordException.Reason;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Long enough is not enough: common, breached-style, repeated and sequential passwords are refused, saying why. */
class PasswordPolicyTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            short                 | TOO_SHORT
            elevenchars           | TOO_SHORT
            password1234          | COMMON
            PASSWORD1234          | COMMON
            Password2024!         | COMMON
            p@ssw0rd12345         | COMMON
            iloveyou1234          | COMMON
            !!qwertyuiop!!        | COMMON
            aaaaaaaaaaaa          | REPEATED
            x7aaaaaaaaaaaa        | REPEATED
            abcabcabcabc          | REPEATED
            passwordpassword      | REPEATED
            121212121212          | REPEATED
            aaaabbbbcccc          | REPEATED
            123456789012          | SEQUENCE
            my pin is 98765 ok    | SEQUENCE
            abcdefg is my secret  | SEQUENCE
            asdfgh was taken      | SEQUENCE
            """)
    void refusesSayingWhy(String password, Reason reason) {
        assertThat(PasswordPolicy.refusal(password)).contains(reason);
        assertThatThrownBy(() -> PasswordPolicy.check(password, "newPassword"))
                .isInstanceOfSatisfying(WeakPasswordException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.fieldErrors()).containsOnlyKeys("newPassword");
                    assertThat(e.messageCode()).isEqualTo("password.refused." + reason.code());
                });
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "correct horse battery staple",
                "admin-password-for-tests",
                "casekeeper-demo",
                "twelve chars",
                "restart-test-password",
                "liberty bell rings at noon",
                "Brrrr, it is cold outside",
                "Ünïcode pässwörd ßtraße"
            })
    void acceptsALongPasswordThatIsNeitherCommonNorAPattern(String password) {
        assertThat(PasswordPolicy.refusal(password)).isEmpty();
    }

    @Test
    void countsCharactersAsPeopleDoNotUtf16Units() {
        // Eleven emoji are 22 UTF-16 units but eleven characters.
        assertThat(PasswordPolicy.refusal("🐱🐶🐭🐹🐰🦊🐻🐼🐨🐯🦁")).contains(Reason.TOO_SHORT);
        assertThat(PasswordPolicy.refusal("🐱🐶🐭🐹🐰🦊🐻🐼🐨🐯🦁🐮")).isEmpty();
    }

    @Test
    void generatedPasswordsAlwaysMeetThePolicy() {
        IntStream.range(0, 2000)
                .forEach(i ->
                        assertThat(PasswordPolicy.refusal(Passwords.generate())).isEmpty());
    }
}
