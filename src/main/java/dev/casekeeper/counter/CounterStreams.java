package dev.casekeeper.counter;

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
 * The event streams of open boards and desks on this node, one per page, by location. An event says
 * only "the line changed"; the page reloads its part. The browser reconnects by itself after a drop
 * and reloads then too, so a page that missed events catches up. Sends run on virtual threads, so
 * one slow screen holds up no other.
 */
@Component
public class CounterStreams implements SmartLifecycle {

    /** A comment this often keeps proxies from closing a quiet stream, and finds streams that are gone. */
    static final long KEEP_ALIVE_SECONDS = 20;
    /** A stream ends after this and the browser opens a new one. */
    static final long STREAM_MILLIS = TimeUnit.MINUTES.toMillis(30);

    static final String CHANGED = "line";
    static final String MISSED = "missed";

    private final Map<SseEmitter, UUID> open = new ConcurrentHashMap<>();
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    private volatile @Nullable ScheduledExecutorService keepAlive;
    private volatile boolean running;

    /** A new stream for a page showing the location's line: {@code line} when it changed, {@code missed} when it may have. */
    public SseEmitter open(LocationId location) {
        var emitter = new SseEmitter(STREAM_MILLIS);
        open.put(emitter, location.value());
        emitter.onCompletion(() -> open.remove(emitter));
        emitter.onTimeout(() -> open.remove(emitter));
        emitter.onError(e -> open.remove(emitter));
        send(emitter, SseEmitter.event().name("hello").data("{}").reconnectTime(1000));
        return emitter;
    }

    int size() {
        return open.size();
    }

    void changed(UUID location) {
        open.forEach((emitter, at) -> {
            if (at.equals(location)) {
                senders.execute(
                        () -> send(emitter, SseEmitter.event().name(CHANGED).data("{}")));
            }
        });
    }

    void missed() {
        open.keySet()
                .forEach(emitter -> senders.execute(
                        () -> send(emitter, SseEmitter.event().name(MISSED).data("{}"))));
    }

    private void send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            synchronized (emitter) {
                emitter.send(event);
            }
        } catch (IOException | IllegalStateException e) {
            open.remove(emitter);
            emitter.completeWithError(e);
        }
    }

    @Override
    public void start() {
        var scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("counter-keep-alive").daemon().factory());
        scheduler.scheduleAtFixedRate(
                () -> open.keySet()
                        .forEach(emitter -> senders.execute(
                                () -> send(emitter, SseEmitter.event().comment("keep-alive")))),
                KEEP_ALIVE_SECONDS,
                KEEP_ALIVE_SECONDS,
                TimeUnit.SECONDS);
        keepAlive = scheduler;
        running = true;
    }

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
}
