package dev.casekeeper.channels.chat;

/**
 * A token bucket per socket: {@code perMinute} frames a minute, with bursts of up to a tenth of a
 * minute's worth (at least 5). Two longs per socket; no clock from outside, since it only measures
 * intervals.
 */
final class RateLimit {

    private final double perNano;
    private final double burst;
    private double tokens;
    private long last = System.nanoTime();

    RateLimit(int perMinute) {
        this.perNano = perMinute / 60e9;
        this.burst = Math.max(5, perMinute / 10.0);
        this.tokens = burst;
    }

    synchronized boolean take() {
        long now = System.nanoTime();
        tokens = Math.min(burst, tokens + (now - last) * perNano);
        last = now;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }
}
