package io.todoke.app;

import io.todoke.ocr.engine.EngineConfig;
import io.todoke.ocr.engine.TodokeEngine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;

/** The OCR engine the intake routes read faxes with, on the same form templates the review page shows. */
@Configuration(proxyBeanMethods = false)
public class EngineConfiguration {

    @Bean(destroyMethod = "close")
    TodokeEngine faxReader(TodokeProperties properties,
                           @Value("${todoke.ocr.tessdata:/usr/share/tesseract-ocr/5/tessdata}") String tessdata) {
        return new TodokeEngine(EngineConfig.defaults().withTemplates(properties.formsPath()).withTessdata(Path.of(tessdata)));
    }

}
