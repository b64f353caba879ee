package dev.aisle.support.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * Registers the request-id filter, its propagation on {@code RestClient} calls and the problem handler. Runs before
 * Boot's web MVC auto-configuration so that Boot's own {@code ProblemDetailsExceptionHandler} (which backs off when a
 * {@code ResponseEntityExceptionHandler} exists) is never registered beside ours.
 */
@AutoConfiguration(before = WebMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ServiceWebAutoConfiguration {

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    RestClientCustomizer requestIdRestClientCustomizer() {
        return builder -> builder.requestInterceptor(RequestIdPropagation.interceptor());
    }

    @Bean
    ProblemDetailsHandler aisleProblemDetailsHandler() {
        return new ProblemDetailsHandler();
    }
}
