package dev.casekeeper.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The embedded server's memory follows the machine's, within PostgreSQL's sensible bounds. */
class MemorySizingTests {

    private static final long GB = 1024L * 1024 * 1024;

    @Test
    void aSmallServerGivesAQuarterOfItsMemoryToTheBufferCache() {
        assertThat(MemorySizing.forMemory(4 * GB))
                .containsEntry("shared_buffers", "1024MB")
                .containsEntry("effective_cache_size", "2048MB");
    }

    @Test
    void aTinyMachineKeepsPostgresqlsOwnMinimum() {
        assertThat(MemorySizing.forMemory(GB / 4)).containsEntry("shared_buffers", "128MB");
    }

    @Test
    void aLargeMachineStopsAtEightGigabytes() {
        assertThat(MemorySizing.forMemory(128 * GB))
                .containsEntry("shared_buffers", "8192MB")
                .containsEntry("effective_cache_size", "65536MB");
    }
}
