package dev.casekeeper.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.casekeeper.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IdentityValuesTests {

    @ParameterizedTest
    @ValueSource(strings = {"paula.key@example.com", "Paula.Key@Example.COM", "  PAULA.KEY@EXAMPLE.COM\t"})
    void writesEveryEmailInLowerCaseWithoutSurroundingSpace(String typed) {
        assertThat(IdentityValues.email(typed)).isEqualTo("paula.key@example.com");
    }

    @Test
    void keepsLettersBeyondAsciiInEmails() {
        assertThat(IdentityValues.email("ÉLODIE@Exemple.FR")).isEqualTo("élodie@exemple.fr");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "paula",
                "paula@",
                "@example.com",
                "paula@example",
                "paula at example.com",
                "paula@@example.com",
                "Paula <paula@example.com>",
                "paula@exa mple.com"
            })
    void refusesWhatIsClearlyNotAnEmail(String typed) {
        assertThatThrownBy(() -> IdentityValues.email(typed, "emails[0]"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsOnlyKeys("emails[0]"));
    }

    @Test
    void refusesAnEmailLongerThanAnyMailServerTakes() {
        String tooLong = "a".repeat(310) + "@example.com";

        assertThatThrownBy(() -> IdentityValues.email(tooLong)).isInstanceOf(InvalidInputException.class);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "+1 (555) 010-2030 | +15550102030",
                "+15550102030      | +15550102030",
                "+1.555.010.2030   | +15550102030",
                "+44 20 7946 0958  | +442079460958",
                "030/1234567       | 0301234567",
                "555-0102          | 5550102",
            })
    void keepsTheLeadingPlusAndTheDigitsOfAPhone(String typed, String stored) {
        assertThat(IdentityValues.phone(typed, "phone")).isEqualTo(stored);
    }

    @Test
    void treatsOnePhoneWrittenTwoWaysAsTheSameIdentity() {
        assertThat(IdentityValues.normalize(IdentityKind.PHONE, "+1 (555) 010-2030", "value"))
                .isEqualTo(IdentityValues.normalize(IdentityKind.PHONE, "+1-555-010-2030", "value"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "+",
                "1234",
                "call me maybe",
                "+1 555 CALL NOW",
                "++15550102030",
                "555+0102",
                "1234567890123456",
                "+1 555 010 2030 ext. 12"
            })
    void refusesWhatIsNotAPhoneNumber(String typed) {
        assertThatThrownBy(() -> IdentityValues.phone(typed, "phones[1]"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsOnlyKeys("phones[1]"));
    }

    @Test
    void knowsAChatVisitorByTheHexDigestOfTheirTokenOnly() {
        String digest = "AB".repeat(32);
        assertThat(IdentityValues.normalize(IdentityKind.CHAT, digest, "value")).isEqualTo("ab".repeat(32));
        assertThatThrownBy(() -> IdentityValues.normalize(IdentityKind.CHAT, "the-token-itself", "value"))
                .isInstanceOf(InvalidInputException.class);
    }
}
