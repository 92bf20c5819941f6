package dev.casekeeper.web;

import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * The application's static files and the webjars, each under its own path, with a hash of the
 * content in their URLs so that browsers keep them for a year.
 *
 * <p>Spring Boot's own handler serves static files under {@code /**} instead
 * ({@code spring.web.resources.add-mappings=false} turns it off). With it, every link a page writes
 * ({@code /cases/42}, {@code /routing/inbox} ...) matched that pattern and was looked up as a file in
 * four classpath locations inside the jar, on every render, because a miss is never cached: a sixth
 * of the application's CPU under the phone benchmark's agent pages (docs/benchmarks.md). Links now
 * reach the file lookup only under these four paths.
 */
@Configuration(proxyBeanMethods = false)
class StaticFiles implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        serve(registry, "/css/**", "classpath:/static/css/");
        serve(registry, "/js/**", "classpath:/static/js/");
        serve(registry, "/images/**", "classpath:/static/images/");
        serve(registry, "/webjars/**", "classpath:/META-INF/resources/webjars/");
    }

    private static void serve(ResourceHandlerRegistry registry, String path, String location) {
        registry.addResourceHandler(path)
                .addResourceLocations(location)
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)))
                .resourceChain(true)
                .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
    }
}
