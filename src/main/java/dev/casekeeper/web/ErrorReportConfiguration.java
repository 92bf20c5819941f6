package dev.casekeeper.web;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts {@link ProblemErrorReportValve} where Tomcat would put its own error report: on the host,
 * under the class name the host looks for, so Tomcat adds none of its own.
 */
@Configuration(proxyBeanMethods = false)
class ErrorReportConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReport(
            JsonMapper json, MessageSource messages) {
        return factory -> factory.addContextCustomizers(context -> {
            if (!(context.getParent() instanceof StandardHost host)) {
                throw new IllegalStateException(
                        "Tomcat's error report is replaced on its host, but the context's parent is "
                                + context.getParent());
            }
            host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            host.getPipeline().addValve(new ProblemErrorReportValve(json, messages));
        });
    }
}
