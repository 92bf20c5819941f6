package dev.casekeeper.callbacks;

import java.util.UUID;

/** Identifies a callback task. */
public record CallbackId(UUID value) {

    @Override
    public String toString() {
        return value.toString();
    }
}
