package io.todoke.intake.pickup;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class FaxContentTest {

    @Test
    void faxesAndScansAreKnownByTheirFirstBytes() {
        assertThat(FaxContent.sniff("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII))).isEqualTo(FaxContent.PDF);
        assertThat(FaxContent.sniff(new byte[] {'I', 'I', 42, 0, 8, 0})).isEqualTo(FaxContent.TIFF);
        assertThat(FaxContent.sniff(new byte[] {'M', 'M', 0, 42, 0, 0})).isEqualTo(FaxContent.TIFF);
        assertThat(FaxContent.sniff(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'})).isEqualTo(FaxContent.PNG);
        assertThat(FaxContent.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0})).isEqualTo(FaxContent.JPEG);
    }

    @Test
    void anythingElseIsNoFaxWhateverItsName() {
        assertThat(FaxContent.sniff("This is not a fax.".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(FaxContent.sniff(new byte[] {(byte) 0x89, 'P', 'N'})).as("a cut-off PNG signature").isNull();
        assertThat(FaxContent.sniff(new byte[0])).isNull();
    }
}
