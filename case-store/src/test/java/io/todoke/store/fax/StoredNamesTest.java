package io.todoke.store.fax;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class StoredNamesTest {

    private static final UUID ID = UUID.fromString("00000000-0000-0000-0000-000000000001");

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    @Test
    void aNameOfTheLongestAFileSystemAllowsStaysWellUnder255BytesWithTheIdAndKeepsItsExtension() {
        String longest = "発".repeat(83) + ".pdf";
        assertThat(bytes(longest)).isLessThanOrEqualTo(255);

        String stored = StoredNames.storedName(ID, longest);

        assertThat(bytes(stored)).isLessThan(200);
        assertThat(stored).startsWith(ID + "-発").endsWith(".pdf");
    }

    @Test
    void separatorsControlCharactersAndLeadingDotsNeverReachTheFileSystem() {
        assertThat(StoredNames.safeName("a/b\\c\nd\u001B[31m.pdf")).isEqualTo("a_b_c_d__31m.pdf");
        assertThat(StoredNames.safeName(".hidden.pdf")).isEqualTo("_hidden.pdf");
        assertThat(StoredNames.safeName("...")).isEqualTo("fax_");
        assertThat(StoredNames.safeName("")).isEqualTo("fax");
        assertThat(StoredNames.safeName("-rf.pdf")).isEqualTo("-rf.pdf");
    }
}
