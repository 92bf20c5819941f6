package dev.casekeeper.web;

import org.springframework.boot.autoconfigure.context.MessageSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's {@code messageSource}: the bundles named in {@code spring.messages.*}, formatted
 * with ICU ({@link IcuMessageSource}). Defining it makes Spring Boot's own message source step back.
 */
@Configuration(proxyBeanMethods = false)
class MessageConfiguration {

    @Bean
    @ConfigurationProperties("spring.messages")
    MessageSourceProperties messageSourceProperties() {
        return new MessageSourceProperties();
    }

    @Bean
    MessageSource messageSource(MessageSourceProperties properties) {
        var source = new IcuMessageSource();
        source.setBasenames(properties.getBasename().toArray(String[]::new));
        source.setDefaultEncoding(
                properties.getEncoding() == null
                        ? "UTF-8"
                        : properties.getEncoding().name());
        source.setFallbackToSystemLocale(properties.isFallbackToSystemLocale());
        if (properties.getCacheDuration() != null) {
            source.setCacheMillis(properties.getCacheDuration().toMillis());
        }
        source.setAlwaysUseMessageFormat(properties.isAlwaysUseMessageFormat());
        source.setUseCodeAsDefaultMessage(properties.isUseCodeAsDefaultMessage());
        return source;
    }
}
