package dev.casekeeper.web;

import com.fasterxml.jackson.annotation.Nulls;
import dev.casekeeper.shared.AcceptedDates;
import dev.casekeeper.shared.StorableText;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * How request bodies are read, for every endpoint at once: a value must have the JSON type of
 * its field ({@code "name": 123} is not a name, {@code "position": "10"} not a number), lists hold
 * no null, text holds nothing Casekeeper cannot store ({@link StorableText}) and dates lie in
 * {@link AcceptedDates}. What breaks a rule is refused before any controller runs, with the field
 * named. The application's own mapper (events, stored JSON) is left as it is.
 */
@Configuration(proxyBeanMethods = false)
class RequestJson implements WebMvcConfigurer {

    private final JsonMapper json;

    RequestJson(JsonMapper json) {
        this.json = json;
    }

    /** Spring MVC's JSON converter, in its place among the others, reads with the strict mapper. */
    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        var strict = new JacksonJsonHttpMessageConverter(strict(json));
        converters.replaceAll(
                converter -> converter.getClass() == JacksonJsonHttpMessageConverter.class ? strict : converter);
    }

    static JsonMapper strict(JsonMapper json) {
        var values = new SimpleModule("casekeeper-request-values")
                .addDeserializer(String.class, new StorableStrings())
                .addKeyDeserializer(String.class, new StorableKeys())
                .setDeserializerModifier(new DatesInRange());
        return json.rebuild()
                .addModule(values)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .withCoercionConfig(
                        LogicalType.Textual,
                        text -> text.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .changeDefaultNullHandling(nulls -> nulls.withContentNulls(Nulls.FAIL))
                .build();
    }

    /** A value of the right JSON type that is still not taken; {@link #reason()} says why, after the field's name. */
    static final class UnacceptableValueException extends InvalidFormatException {

        private final String reason;

        UnacceptableValueException(JsonParser parser, String reason, Object value, Class<?> type) {
            super(parser, reason, value, type);
            this.reason = reason;
        }

        String reason() {
            return reason;
        }
    }

    static final class StorableStrings extends StdScalarDeserializer<String> {

        StorableStrings() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (value != null && !StorableText.isStorable(value)) {
                throw new UnacceptableValueException(parser, StorableText.problem(value), value, String.class);
            }
            return value;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }

        @Override
        public Object getEmptyValue(DeserializationContext context) {
            return "";
        }
    }

    static final class StorableKeys extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext context) {
            if (!StorableText.isStorable(key)) {
                throw new UnacceptableValueException(
                        context.getParser(), "has a key that " + StorableText.problem(key), key, String.class);
            }
            return key;
        }
    }

    /** Every date and time type is read as before, then held to {@link AcceptedDates}. */
    static final class DatesInRange extends ValueDeserializerModifier {

        @Override
        public ValueDeserializer<?> modifyDeserializer(
                DeserializationConfig config, BeanDescription.Supplier bean, ValueDeserializer<?> deserializer) {
            return bean.getBeanClass().getName().startsWith("java.time.")
                            && TemporalAccessor.class.isAssignableFrom(bean.getBeanClass())
                    ? new InRange(deserializer)
                    : deserializer;
        }
    }

    static final class InRange extends DelegatingDeserializer {

        InRange(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new InRange(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) {
            Object value = super.deserialize(parser, context);
            if (value instanceof TemporalAccessor time && !AcceptedDates.contains(time)) {
                throw new UnacceptableValueException(parser, AcceptedDates.PROBLEM, value, handledType());
            }
            return value;
        }
    }
}
