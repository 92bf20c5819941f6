package dev.casekeeper.channels.chat;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A dropped connection is not leaving. When a chat's last socket on a node closes, a durable
 * db-scheduler timer looks again after the grace period: if by then no socket of the chat is open on
 * any live node, and no later disconnect started a newer grace period, the customer is gone, and a
 * chat still waiting for an agent is abandoned. A restart or a crashed node loses no timer.
 */
@Configuration(proxyBeanMethods = false)
class GraceTimers {

    static final TaskDescriptor<String> TASK = TaskDescriptor.of("chat-grace", String.class);
    /** A node that has not said it is alive for this long holds no sockets. */
    static final Duration NODE_ALIVE = Duration.ofSeconds(30);

    private final ObjectProvider<SchedulerClient> scheduler;

    GraceTimers(ObjectProvider<SchedulerClient> scheduler) {
        this.scheduler = scheduler;
    }

    @Bean
    OneTimeTask<String> chatGraceTask(
            ObjectProvider<ConversationQueries> queries,
            ObjectProvider<Conversations> conversations,
            ChatSettings settings,
            Clock clock,
            TransactionTemplate transactions) {
        return Tasks.oneTime(TASK).execute((instance, context) -> {
            var id = UUID.fromString(instance.getData());
            Instant now = clock.instant();
            var last = queries.getObject().disconnectedAt(id).orElse(null);
            if (last == null
                    || last.plus(settings.grace()).isAfter(now.plusMillis(1))
                    || queries.getObject().sockets(id, now.minus(NODE_ALIVE)) > 0) {
                return;
            }
            var chat = queries.getObject().find(id).orElse(null);
            if (chat != null
                    && (chat.state() == Conversation.State.WAITING || chat.state() == Conversation.State.NEW)) {
                transactions.executeWithoutResult(
                        status -> conversations.getObject().leave(id, null, null, "gone"));
            }
        });
    }

    /** Looks again after the grace period; each disconnect has its own timer, so none is moved. */
    void start(UUID conversationId, Instant disconnectedAt, Duration grace) {
        scheduler
                .getObject()
                .scheduleIfNotExists(TASK.instance(conversationId + "-" + disconnectedAt.toEpochMilli())
                        .data(conversationId.toString())
                        .scheduledTo(disconnectedAt.plus(grace)));
    }
}
