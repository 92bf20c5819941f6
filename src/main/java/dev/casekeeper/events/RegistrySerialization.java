package dev.casekeeper.events;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.core.EventSerializer;
import tools.jackson.databind.json.JsonMapper;

/** How the event publication registry writes events down. */
@Configuration(proxyBeanMethods = false)
class RegistrySerialization {

    /**
     * The registry's serializer: JSON with the application's mapper, as Spring Modulith's own, but with
     * the mapper looked up once. Spring Modulith's looks the mapper bean up in the bean factory for
     * every event it stores, which took a tenth of the mail ingestion threads' time in the benchmark.
     */
    @Bean
    EventSerializer eventSerializer(JsonMapper mapper) {
        // An event with several listeners is stored once for each, one after the other on the
        // publishing thread: the same (immutable) event is written down once.
        var last = ThreadLocal.withInitial(() -> new Object[2]);
        return new EventSerializer() {
            @Override
            public Object serialize(Object event) {
                Object[] previous = last.get();
                if (previous[0] != event) {
                    previous[1] = mapper.writeValueAsString(event);
                    previous[0] = event;
                }
                return previous[1];
            }

            @Override
            public <T> T deserialize(Object serialized, Class<T> type) {
                return mapper.readerFor(type).readValue(serialized.toString());
            }
        };
    }
}
