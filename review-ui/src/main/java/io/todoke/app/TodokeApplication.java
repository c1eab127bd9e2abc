package io.todoke.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Todoke application: intake routes, review, search and administration in one process. */
@SpringBootApplication(scanBasePackages = "io.todoke")
@ConfigurationPropertiesScan("io.todoke")
public class TodokeApplication {

    public static void main(String[] args) {
        SpringApplication.run(TodokeApplication.class, args);
    }
}
