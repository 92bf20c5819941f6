package dev.casekeeper.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class StorableTextTests {

    @Test
    void keepsEveryCharacterButNulAndHalfSurrogates() {
        assertThat(StorableText.isStorable("Grüße \t\n\r\u0001\u007f\u0085\uFFFE 😀 ✓"))
                .isTrue();
        assertThat(StorableText.isStorable("")).isTrue();
    }

    @Test
    void findsNul() {
        assertThat(StorableText.firstUnstorable("ab\u0000c")).isEqualTo(2);
        assertThat(StorableText.problem("ab\u0000c")).contains("NUL", "U+0000", "position 3");
    }

    @Test
    void findsAHighSurrogateWithoutItsPartnerAnywhere() {
        assertThat(StorableText.firstUnstorable("a\uD83D")).isEqualTo(1);
        assertThat(StorableText.firstUnstorable("\uD83Da")).isZero();
        assertThat(StorableText.firstUnstorable("\uD83D\uD83D\uDE00")).isZero();
        assertThat(StorableText.problem("x\uD800")).contains("U+D800", "position 2");
    }

    @Test
    void findsALowSurrogateWithoutItsPartner() {
        assertThat(StorableText.firstUnstorable("a\uDE00b")).isEqualTo(1);
        assertThat(StorableText.firstUnstorable("\uD83D\uDE00\uDE00")).isEqualTo(2);
    }

    @Test
    void stripsOnlyWhatCannotBeKept() {
        assertThat(StorableText.strip("a\u0000b\uD800c\uDC00d 😀\u0000")).isEqualTo("abcd 😀");
        String clean = "nothing to strip 😀";
        assertThat(StorableText.strip(clean)).isSameAs(clean);
    }

    @Test
    void hasNoProblemToTellForStorableText() {
        assertThatIllegalArgumentException().isThrownBy(() -> StorableText.problem("fine"));
    }
}
