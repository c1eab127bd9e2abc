package io.todoke.app;

import io.todoke.ocr.FaxEngines;
import io.todoke.ocr.FaxReader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;

/** The OCR engine the intake routes read faxes with, on the same form templates the review page shows. */
@Configuration(proxyBeanMethods = false)
public class EngineConfiguration {

    @Bean(destroyMethod = "close")
    FaxReader faxReader(TodokeProperties properties, OcrProperties ocr) {
        return FaxEngines.open(properties.formsPath(), Path.of(ocr.tessdata()), ocr.limits().decodeLimits());
    }
}
