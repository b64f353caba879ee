package dev.aisle.behavior;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Entry point of the behavior-service application. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class BehaviorServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(BehaviorServiceApplication.class, args);
    }

    /** The clock that validation and recency use; a bean so tests can fix it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
