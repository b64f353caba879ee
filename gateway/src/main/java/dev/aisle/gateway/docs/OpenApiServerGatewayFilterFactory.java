package dev.aisle.gateway.docs;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.factory.rewrite.ModifyResponseBodyGatewayFilterFactory;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Route filter {@code OpenApiServer}: replaces the {@code servers} of a proxied OpenAPI document with the gateway's
 * own origin, so "Try it out" in the gateway's Swagger UI goes through the gateway (with its API key) rather than
 * to the service's port, and declares the gateway's credentials ({@code X-API-Key}, admin HTTP Basic) as security
 * schemes.
 */
@Component
class OpenApiServerGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

    private final ModifyResponseBodyGatewayFilterFactory modifyResponseBody;
    private final JsonMapper json;

    OpenApiServerGatewayFilterFactory(ModifyResponseBodyGatewayFilterFactory modifyResponseBody, JsonMapper json) {
        super(Object.class);
        this.modifyResponseBody = modifyResponseBody;
        this.json = json;
    }

    @Override
    public GatewayFilter apply(Object config) {
        return modifyResponseBody.apply(new ModifyResponseBodyGatewayFilterFactory.Config()
                .setRewriteFunction(String.class, String.class,
                        (exchange, body) -> body == null ? Mono.empty() : Mono.just(rewrite(exchange, body))));
    }

    private String rewrite(ServerWebExchange exchange, String body) {
        JsonNode document;
        try {
            document = json.readTree(body);
        }
        catch (JacksonException e) {
            return body;
        }
        if (!(document instanceof ObjectNode object) || !exchange.getResponse().getStatusCode().is2xxSuccessful()) {
            return body;
        }
        ServerHttpRequest request = exchange.getRequest();
        String origin = request.getURI().getScheme() + "://" + request.getURI().getRawAuthority();
        ArrayNode servers = json.createArrayNode();
        servers.addObject().put("url", origin).put("description", "Aisle gateway");
        object.set("servers", servers);
        // the gateway's credentials, so Swagger UI's "Authorize" can send them
        JsonNode components = object.get("components");
        ObjectNode componentsObject = components instanceof ObjectNode existing ? existing
                : object.putObject("components");
        JsonNode schemes = componentsObject.get("securitySchemes");
        ObjectNode schemesObject = schemes instanceof ObjectNode existing ? existing
                : componentsObject.putObject("securitySchemes");
        schemesObject.putObject("apiKey").put("type", "apiKey").put("in", "header").put("name", "X-API-Key");
        schemesObject.putObject("adminBasic").put("type", "http").put("scheme", "basic");
        ArrayNode security = json.createArrayNode();
        security.addObject().putArray("apiKey");
        security.addObject().putArray("adminBasic");
        object.set("security", security);
        return json.writeValueAsString(object);
    }
}
