package io.todoke.intake.pickup;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;

/** What a file is by its content, not its name, and its SHA-256. */
public final class FaxContent {

    public static final String PDF = "application/pdf";
    public static final String TIFF = "image/tiff";
    public static final String PNG = "image/png";
    public static final String JPEG = "image/jpeg";

    private FaxContent() {
    }

    /**
     * The media type from the first bytes: {@code %PDF-}, {@code II*\0} or {@code MM\0*} (a fax), or the PNG and
     * JPEG signatures (a form scanned to a folder instead of faxed); null for anything else.
     */
    public static String sniff(byte[] head) {
        if (startsWith(head, new byte[] {'%', 'P', 'D', 'F', '-'})) {
            return PDF;
        }
        if (startsWith(head, new byte[] {'I', 'I', 42, 0}) || startsWith(head, new byte[] {'M', 'M', 0, 42})) {
            return TIFF;
        }
        if (startsWith(head, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'})) {
            return PNG;
        }
        if (startsWith(head, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return JPEG;
        }
        return null;
    }

    /**
     * Reads the head and hashes the file in one pass, at most {@code maxBytes} of it. Only a regular file is
     * opened (never through a symlink, never a FIFO or device, which could block or never end); the caller
     * checked its kind, and the open refuses a symlink put in its place since.
     *
     * @return the content; {@code size} is {@code maxBytes + 1} (and the hash partial) when the file is larger
     */
    public static Inspected inspect(Path file, long maxBytes) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS);
        if (!attributes.isRegularFile()) {
            throw new IOException("not a regular file");
        }
        MessageDigest sha = sha256();
        byte[] head = new byte[8];
        int headLength = 0;
        long size = 0;
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        try (SeekableByteChannel in = Files.newByteChannel(file, Set.of(StandardOpenOption.READ,
                LinkOption.NOFOLLOW_LINKS))) {
            int n;
            while (size <= maxBytes && (n = in.read(buffer.clear())) > 0) {
                byte[] bytes = buffer.array();
                if (headLength < head.length) {
                    int take = Math.min(n, head.length - headLength);
                    System.arraycopy(bytes, 0, head, headLength, take);
                    headLength += take;
                }
                sha.update(bytes, 0, n);
                size += n;
            }
        }
        byte[] first = java.util.Arrays.copyOf(head, headLength);
        return new Inspected(HexFormat.of().formatHex(sha.digest()), Math.min(size, maxBytes + 1), sniff(first));
    }

    /** Reads the whole file (no limit); see {@link #inspect(Path, long)}. */
    public static Inspected inspect(Path file) throws IOException {
        return inspect(file, Long.MAX_VALUE - 1);
    }

    /**
     * @param sha256    hex SHA-256 of the content
     * @param size      bytes
     * @param mediaType by content; null when it is none of PDF, TIFF, PNG and JPEG
     */
    public record Inspected(String sha256, long size, String mediaType) {
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
