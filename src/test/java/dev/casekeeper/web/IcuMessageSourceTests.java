package dev.casekeeper.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/** The bundles as pages read them: plurals, selects and case numbers by ICU's rules. */
class IcuMessageSourceTests {

    private final IcuMessageSource messages = messages();

    @Test
    void countsAreSaidInTheLanguagesPluralForms() {
        assertThat(messages.getMessage("routing.hold.totals", new Object[] {1, "2 min"}, Locale.ENGLISH))
                .isEqualTo("Held once, 2 min in all");
        assertThat(messages.getMessage("routing.hold.totals", new Object[] {3, "9 min"}, Locale.ENGLISH))
                .isEqualTo("Held 3 times, 9 min in all");
        assertThat(messages.getMessage("routing.transfers", new Object[] {0}, Locale.ENGLISH))
                .isEqualTo("Not transferred");
    }

    @Test
    void aSentenceAgreesWithWhoItIsAbout() {
        assertThat(messages.getMessage("routing.role.agent", new Object[] {"you"}, Locale.ENGLISH))
                .isEqualTo("hold the contact");
        assertThat(messages.getMessage("routing.role.agent", new Object[] {"other"}, Locale.ENGLISH))
                .isEqualTo("holds the contact");
    }

    @Test
    void aCaseNumberIsNeverGroupedButACountIs() {
        assertThat(messages.getMessage("routing.hold.prompt", new Object[] {1010L}, Locale.ENGLISH))
                .isEqualTo("Case #1010: your customer is still on hold");
        assertThat(messages.getMessage("notifications.unread", new Object[] {1200}, Locale.ENGLISH))
                .isEqualTo("1,200 unread");
    }

    @Test
    void argumentsThatAreMessagesAreResolvedAndMessagesWithoutArgumentsAreShownAsWritten() {
        assertThat(messages.getMessage(
                        "conflict.status",
                        new Object[] {
                            new DefaultMessageSourceResolvable("status.new"),
                            new DefaultMessageSourceResolvable("status.closed")
                        },
                        Locale.ENGLISH))
                .isEqualTo("A case that is “New” cannot be set to “Closed”.");
        assertThat(messages.getMessage("macros.text.hint", null, Locale.ENGLISH))
                .contains("{{customer.name}}");
    }

    private static IcuMessageSource messages() {
        var source = new IcuMessageSource();
        source.setBasenames("i18n/messages", "i18n/sla", "i18n/routing");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
