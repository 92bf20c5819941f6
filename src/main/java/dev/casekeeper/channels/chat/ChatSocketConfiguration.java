package dev.casekeeper.channels.chat;

import jakarta.servlet.ServletContext;
import jakarta.websocket.server.ServerContainer;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/**
 * The chat's two WebSocket endpoints. The widget's accepts pages of the origins in
 * {@code casekeeper.chat.allowed-origins} (only Casekeeper's own without any); the agent's only
 * Casekeeper's own pages, so no other site can ride on an agent's session. Frames past
 * {@code max-frame-bytes} close the socket; a socket silent for {@value #IDLE_SECONDS} s is closed
 * (the widget pings every 25 s).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class ChatSocketConfiguration implements WebSocketConfigurer {

    static final long IDLE_SECONDS = 90;
    private static final int BINARY_BUFFER_BYTES = 256;

    private final CustomerSocket customers;
    private final AgentSocket agents;
    private final ChatSettings settings;
    private final ClientAddresses clients;

    ChatSocketConfiguration(
            CustomerSocket customers, AgentSocket agents, ChatSettings settings, ClientAddresses clients) {
        this.customers = customers;
        this.agents = agents;
        this.settings = settings;
        this.clients = clients;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        var widget = registry.addHandler(customers, "/chat/ws").addInterceptors(clients);
        if (!settings.allowedOrigins().isEmpty()) {
            widget.setAllowedOriginPatterns(settings.allowedOrigins().toArray(String[]::new));
        }
        registry.addHandler(agents, "/chat/agent/ws").addInterceptors(agents);
    }

    @Bean
    ServletServerContainerFactoryBean chatWebSocketContainer() {
        var container = new ContainerLimits();
        // Frames come in parts through a small buffer (WholeFrames); the sockets enforce max-frame-bytes.
        container.setMaxTextMessageBufferSize(WholeFrames.BUFFER_CHARS);
        // Both sockets speak JSON text only; Tomcat keeps a binary buffer of this size per socket (8 KiB by default).
        container.setMaxBinaryMessageBufferSize(BINARY_BUFFER_BYTES);
        container.setMaxSessionIdleTimeout(Duration.ofSeconds(IDLE_SECONDS).toMillis());
        return container;
    }

    /**
     * The container's limits, set when there is a container: an application context without a web
     * server (a mock servlet environment in tests) has no WebSocket container to set them on.
     */
    static class ContainerLimits extends ServletServerContainerFactoryBean {

        private @Nullable ServletContext servletContext;

        @Override
        public void setServletContext(ServletContext servletContext) {
            this.servletContext = servletContext;
            super.setServletContext(servletContext);
        }

        @Override
        public void afterPropertiesSet() {
            if (servletContext != null && servletContext.getAttribute(ServerContainer.class.getName()) != null) {
                super.afterPropertiesSet();
            }
        }
    }
}
