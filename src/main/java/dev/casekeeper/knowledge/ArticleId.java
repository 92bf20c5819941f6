package dev.casekeeper.knowledge;

import java.util.UUID;

/** An article in one language. */
public record ArticleId(UUID value) {

    @Override
    public String toString() {
        return value.toString();
    }
}
