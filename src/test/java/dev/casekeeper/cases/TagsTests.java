package dev.casekeeper.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.casekeeper.shared.InvalidInputException;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TagsTests {

    @Test
    void storesTagsTrimmedInLowerCaseOnceEachInTheOrderGiven() {
        assertThat(Tags.normalize(List.of(" VIP ", "license", "Vip", "order:4471", "re-open_2.b")))
                .containsExactly("vip", "license", "order:4471", "re-open_2.b");
    }

    @Test
    void keepsLettersBeyondAscii() {
        assertThat(Tags.normalize(List.of("Rückgabe", "écran"))).containsExactly("rückgabe", "écran");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "two words", "-leading-dash", "semi;colon", "<b>", "#hash"})
    void refusesWhatIsNotATagNamingTheTags(String tag) {
        assertThatThrownBy(() -> Tags.normalize(List.of("fine", tag)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsOnlyKeys("tags"));
    }

    @Test
    void refusesATagLongerThanFiftyCharacters() {
        assertThat(Tags.normalize(List.of("a".repeat(50)))).hasSize(1);
        assertThatThrownBy(() -> Tags.normalize(List.of("a".repeat(51)))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void takesAtMostThirtyDistinctTags() {
        var thirty = IntStream.rangeClosed(1, 30).mapToObj(i -> "t" + i).toList();
        var thirtyOne = IntStream.rangeClosed(1, 31).mapToObj(i -> "t" + i).toList();

        assertThat(Tags.normalize(thirty)).hasSize(30);
        assertThatThrownBy(() -> Tags.normalize(thirtyOne))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsOnlyKeys("tags"));
    }
}
