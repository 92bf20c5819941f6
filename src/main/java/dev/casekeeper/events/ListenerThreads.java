package dev.casekeeper.events;

/**
 * Whether the current thread is running an event listener (and the registry's bookkeeping around it),
 * whose transactions may commit without waiting for the disk (ADR 0013).
 */
final class ListenerThreads {

    private static final ThreadLocal<Boolean> RUNNING_LISTENER = ThreadLocal.withInitial(() -> false);

    private ListenerThreads() {}

    static boolean runningListener() {
        return RUNNING_LISTENER.get();
    }

    /** Runs {@code work} marked as listener work. */
    static void run(Runnable work) {
        RUNNING_LISTENER.set(true);
        try {
            work.run();
        } finally {
            RUNNING_LISTENER.remove();
        }
    }
}
