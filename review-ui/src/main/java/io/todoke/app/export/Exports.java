package io.todoke.app.export;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import io.todoke.store.review.ReviewService;

/** Writes a table as a CSV or xlsx download and records who exported what (audit action EXPORT, no case id). */
@Component
public class Exports {

    public static final String AUDIT_ACTION = "EXPORT";

    private final ReviewService reviews;

    public Exports(ReviewService reviews) {
        this.reviews = reviews;
    }

    public enum Format {
        CSV, XLSX;

        public static Format of(String extension) {
            try {
                return valueOf(extension.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown export format: " + extension, e);
            }
        }
    }

    /**
     * @param detail what was exported (the query), stored in the audit log
     */
    public ResponseEntity<byte[]> download(ExportTable table, Format format, String actor, String detail) {
        byte[] body = format == Format.CSV ? CsvExport.write(table) : XlsxExport.write(table);
        reviews.record(null, actor, AUDIT_ACTION, format.name().toLowerCase(Locale.ROOT) + " " + table.name() + " "
                + detail);
        String fileName = table.name() + "." + format.name().toLowerCase(Locale.ROOT);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(format == Format.CSV ? CsvExport.MEDIA_TYPE : XlsxExport.MEDIA_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }
}
