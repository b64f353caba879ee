package dev.aisle.behavior;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Entry point of the behavior-service application. */
@SpringBootApplication
public class BehaviorServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(BehaviorServiceApplication.class, args);
    }
}
