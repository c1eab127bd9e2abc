package io.todoke.store.review;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.Optional;
import java.util.UUID;

/** Read-only access to what a clerk or staff member is shown of a fax: its page images and its original file. */
@Repository
public class FaxOriginals {

    /** A page as stored: the PNG every field box refers to. */
    public record PageImageRow(UUID faxId, int page, int width, int height, byte[] png) {
    }

    /** Where the unchanged original fax file is kept, relative to the archive root. */
    public record OriginalFile(UUID faxId, String fileName, String mediaType, String archivePath) {
    }

    private final JdbcClient jdbc;

    public FaxOriginals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<PageImageRow> page(UUID faxId, int page) {
        return jdbc.sql("select fax_id, page_index, width, height, image_png from fax_page where fax_id = :fax and page_index = :page")
                .param("fax", faxId).param("page", page)
                .query((rs, n) -> new PageImageRow(rs.getObject("fax_id", UUID.class), rs.getInt("page_index"),
                        rs.getInt("width"), rs.getInt("height"), rs.getBytes("image_png")))
                .optional();
    }

    /** Width and height of each page, without loading the images. */
    public java.util.Map<Integer, int[]> pageSizes(UUID faxId) {
        java.util.Map<Integer, int[]> sizes = new java.util.TreeMap<>();
        jdbc.sql("select page_index, width, height from fax_page where fax_id = :fax").param("fax", faxId)
                .query((rs, n) -> sizes.put(rs.getInt("page_index"), new int[] {rs.getInt("width"), rs.getInt("height")}))
                .list();
        return sizes;
    }

    public Optional<OriginalFile> original(UUID faxId) {
        return jdbc.sql("select id, file_name, media_type, archive_path from fax_document where id = :fax")
                .param("fax", faxId)
                .query((rs, n) -> new OriginalFile(rs.getObject("id", UUID.class), rs.getString("file_name"),
                        rs.getString("media_type"), rs.getString("archive_path")))
                .optional();
    }
}
