package dev.casekeeper.imports;

/** What a batch did: records made here, records updated, records left out. */
record Counts(int created, int updated, int skipped) {

    static final Counts NONE = new Counts(0, 0, 0);

    Counts plus(Counts other) {
        return new Counts(created + other.created, updated + other.updated, skipped + other.skipped);
    }
}
