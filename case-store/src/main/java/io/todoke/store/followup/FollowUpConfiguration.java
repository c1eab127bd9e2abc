package io.todoke.store.followup;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;

/** The follow-up's settings and the per-disease definitions, read once at start-up. */
@Configuration
@EnableConfigurationProperties(FollowUpProperties.class)
public class FollowUpConfiguration {

    @Bean
    FollowUpForms followUpForms(FollowUpProperties properties) {
        return FollowUpForms.load(Path.of(properties.configDir()));
    }
}
