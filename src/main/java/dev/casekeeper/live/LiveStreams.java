package dev.casekeeper.live;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.agents.TeamId;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The event streams open on this node, one per open workspace page. A signal goes only to agents
 * who may see the case (before or after the change); presence only to pages showing that case.
 * Sending never holds up the listener: each send runs on its own virtual thread.
 */
@Component
class LiveStreams implements SmartLifecycle {

    /** A comment this often keeps proxies from closing a quiet stream, and finds streams that are gone. */
    static final long KEEP_ALIVE_SECONDS = 25;
    /** A stream ends after this; the browser opens a new one by itself, which also checks the sign-in again. */
    static final long STREAM_MILLIS = TimeUnit.MINUTES.toMillis(30);

    /** The event that tells a page it may have missed others. */
    static final String MISSED = "missed";

    /** An open page: its agent, and the case it shows (by number and id), if it shows one. */
    record Subscriber(
            SignedInAgent agent,
            @Nullable Long caseNumber,
            @Nullable UUID caseId) {}

    private final Map<SseEmitter, Subscriber> open = new ConcurrentHashMap<>();
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    private volatile @Nullable ScheduledExecutorService keepAlive;
    private volatile boolean running;

    SseEmitter open(SignedInAgent agent, @Nullable Long caseNumber, @Nullable UUID caseId) {
        var emitter = new SseEmitter(STREAM_MILLIS);
        open.put(emitter, new Subscriber(agent, caseNumber, caseId));
        emitter.onCompletion(() -> open.remove(emitter));
        emitter.onTimeout(() -> open.remove(emitter));
        emitter.onError(e -> open.remove(emitter));
        send(emitter, SseEmitter.event().name("hello").data("{}").reconnectTime(2000));
        return emitter;
    }

    int size() {
        return open.size();
    }

    void deliver(LiveSignal signal) {
        open.forEach((emitter, subscriber) -> {
            if (mayHear(subscriber, signal)) {
                senders.execute(() -> {
                    send(emitter, SseEmitter.event().name(signal.type()).data(payload(subscriber, signal)));
                    if (LiveSignal.SIGNED_OUT.equals(signal.type())) {
                        emitter.complete();
                    }
                });
            }
        });
    }

    /**
     * Signals may have been lost (the cluster bus was disconnected): every page reloads what it shows,
     * as it does when its own stream comes back after a drop.
     */
    void missed() {
        open.keySet()
                .forEach(emitter -> senders.execute(
                        () -> send(emitter, SseEmitter.event().name(MISSED).data("{}"))));
    }

    /** The same rule as the case lists: every team for supervisors and admins; else own teams, team-less and owned. */
    static boolean mayHear(Subscriber subscriber, LiveSignal signal) {
        var agent = subscriber.agent();
        return switch (signal.type()) {
            case LiveSignal.CASE ->
                agent.role().seesAllTeams()
                        || signal.teamless()
                        || signal.ownerIds().contains(agent.id().value())
                        || signal.teamIds().stream()
                                .anyMatch(team -> agent.teamIds().contains(new TeamId(team)));
            case LiveSignal.PRESENCE, LiveSignal.CONTACT ->
                signal.caseId() != null && signal.caseId().equals(subscriber.caseId());
            case LiveSignal.SIGNED_OUT, LiveSignal.NOTIFICATION, LiveSignal.ROUTING ->
                agent.id().value().equals(signal.agentId());
            case LiveSignal.QUEUES -> agent.role().seesAllTeams();
            default -> false;
        };
    }

    /** The case's number, from the signal or, for a signal about the page's own case, from the page. */
    private static String payload(Subscriber subscriber, LiveSignal signal) {
        if (signal.caseId() == null) {
            return "{}";
        }
        long number =
                signal.number() > 0 || subscriber.caseNumber() == null ? signal.number() : subscriber.caseNumber();
        return "{\"number\":" + number + "}";
    }

    private void send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
        } catch (IOException | IllegalStateException e) {
            open.remove(emitter);
            emitter.completeWithError(e);
        }
    }

    private void keepAlive() {
        open.keySet()
                .forEach(emitter ->
                        senders.execute(() -> send(emitter, SseEmitter.event().comment("keep-alive"))));
    }

    /** Starts, and after a stop starts again (test contexts are paused and resumed). */
    @Override
    public void start() {
        var scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("live-keep-alive").daemon().factory());
        scheduler.scheduleAtFixedRate(this::keepAlive, KEEP_ALIVE_SECONDS, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);
        keepAlive = scheduler;
        running = true;
    }

    /** Ends every stream first, so a graceful shutdown does not wait for them. */
    @Override
    public void stop() {
        running = false;
        var scheduler = keepAlive;
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        open.keySet().forEach(SseEmitter::complete);
        open.clear();
    }

    @PreDestroy
    void close() {
        senders.shutdown();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the web server's graceful shutdown, which waits for open requests. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }
}
