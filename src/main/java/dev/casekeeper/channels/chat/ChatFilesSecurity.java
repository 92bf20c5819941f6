package dev.casekeeper.channels.chat;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Agents' files in chat windows are fetched from the customer's site, without a session: the signed
 * link is the permission ({@link ChatFileLinks}), checked by {@link ChatFilesController}.
 */
@Configuration(proxyBeanMethods = false)
class ChatFilesSecurity {

    @Bean
    @Order(-4)
    SecurityFilterChain chatFiles(HttpSecurity http) throws Exception {
        return http.securityMatcher("/chat/files/**")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .securityContext(c -> c.disable())
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .logout(l -> l.disable())
                .anonymous(a -> {})
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .build();
    }
}
