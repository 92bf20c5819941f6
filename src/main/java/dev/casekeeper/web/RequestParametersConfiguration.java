package dev.casekeeper.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/** Parameters are checked before anything reads them, and dates in them are held to the accepted range. */
@Configuration(proxyBeanMethods = false)
class RequestParametersConfiguration implements WebMvcConfigurer {

    /** After the character encoding is set (UTF-8), before the session, security and everything else. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    @Bean
    FilterRegistrationBean<RequestParameters> requestParameters(JsonMapper json) {
        var registration = new FilterRegistrationBean<>(new RequestParameters(json));
        registration.setOrder(ORDER);
        return registration;
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(new AcceptedDateConverter());
    }
}
