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
        return new EventSerializer() {
            @Override
            public Object serialize(Object event) {
                return mapper.writeValueAsString(event);
            }

            @Override
            public <T> T deserialize(Object serialized, Class<T> type) {
                return mapper.readerFor(type).readValue(serialized.toString());
            }
        };
    }
}
