package dev.casekeeper.knowledge;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.casekeeper.notifications.NotificationManagement;
import dev.casekeeper.notifications.Notify;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The "review by" reminder: a durable timer (db-scheduler) written with the save that sets the date,
 * due at the start of that day. Whichever node runs it tells the article's owner once; an article whose
 * date was changed or cleared since makes it do nothing, so a timer is never cancelled.
 */
@Configuration(proxyBeanMethods = false)
class ReviewReminders {

    static final String KIND = "article_review_due";
    static final TaskDescriptor<String> REMIND = TaskDescriptor.of("knowledge-review-reminder", String.class);

    private static final Logger log = LoggerFactory.getLogger(ReviewReminders.class);

    private final ObjectProvider<SchedulerClient> scheduler;
    private final Clock clock;

    ReviewReminders(ObjectProvider<SchedulerClient> scheduler, Clock clock) {
        this.scheduler = scheduler;
        this.clock = clock;
    }

    @Bean
    OneTimeTask<String> knowledgeReviewReminderTask(
            ObjectProvider<ArticleQueries> articles, ObjectProvider<NotificationManagement> notifications) {
        return Tasks.oneTime(REMIND).execute((instance, context) -> {
            String[] parts = instance.getData().split("@", 2);
            remind(
                    articles.getObject(),
                    notifications.getObject(),
                    UUID.fromString(parts[0]),
                    LocalDate.parse(parts[1]));
        });
    }

    void schedule(Article article) {
        if (article.reviewBy() == null) {
            return;
        }
        String key = article.id() + "@" + article.reviewBy();
        scheduler
                .getObject()
                .scheduleIfNotExists(REMIND.instance(key)
                        .data(key)
                        .scheduledTo(
                                article.reviewBy().atStartOfDay(clock.getZone()).toInstant()));
    }

    static void remind(ArticleQueries articles, NotificationManagement notifications, UUID id, LocalDate date) {
        var article = articles.find(id).orElse(null);
        if (article == null || !date.equals(article.reviewBy())) {
            return;
        }
        notifications.notify(Notify.of(
                Set.of(new dev.casekeeper.agents.AgentId(article.ownerId())),
                KIND,
                null,
                "The article \"%s\" (%s) is due for review by %s".formatted(article.title(), article.locale(), date),
                "knowledge:" + id + ":review:" + date));
        log.info("Article {}: its owner was reminded to review it by {}", id, date);
    }
}
