package io.todoke.app.review;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * Which fields a second clerk types blind before a case is confirmed ({@code todoke.review.double-check}).
 *
 * @param when   for which cases: {@code OFF} (default), {@code ALL}, or {@code DOUBTFUL}: only the chosen fields
 *               the engine was not sure of (handwriting is read with low confidence; the engine does not tell a
 *               handwritten form from a printed one)
 * @param fields the field keys of the form to type twice
 */
@ConfigurationProperties("todoke.review.double-check")
public record DoubleCheckProperties(
        @DefaultValue("OFF") When when,
        @DefaultValue({"patient_name", "birth_date", "patient_address"}) List<String> fields) {

    public enum When { OFF, ALL, DOUBTFUL }
}
