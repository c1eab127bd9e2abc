package io.todoke.ocr.read;

import com.sun.jna.Callback;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import io.todoke.ocr.engine.EngineConfig;
import io.todoke.ocr.template.OcrSettings;
import net.sourceforge.tess4j.TessAPI;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Tesseract's OpenMP regions run through the engine's serial stand-ins, which behave as a team of one. */
class SerialOpenMpTest {

    /** The compiler-generated body of a parallel region. */
    public interface Region extends Callback {
        void invoke(Pointer data);
    }

    @BeforeAll
    static void builtHere() {
        assumeTrue(SerialOpenMp.class.getResource(SerialOpenMp.RESOURCE) != null,
                "the stand-ins were not built (no gcc when ocr-engine was built)");
    }

    @Test
    void tesseractsParallelRegionsRunThroughTheStandInsOnceAnEngineIsMade() {
        try (TesseractEngine engine = new TesseractEngine(EngineConfig.DEFAULT_TESSDATA)) {
            long before = SerialOpenMp.regions();
            OcrText r = engine.read(TesseractEngineTest.text("神戸市中央区", 30), new OcrSettings("jpn", 7, "", 0));
            assertThat(r.text().replace(" ", "")).isEqualTo("神戸市中央区");
            assertThat(before).isGreaterThanOrEqualTo(0);
            // the LSTM enters regions for each layer and time step: a line makes many
            assertThat(SerialOpenMp.regions() - before).isGreaterThan(10);
        }
    }

    @Test
    void aSectionsRegionHandsOutEachSectionOnceInOrderAndANestedOneLeavesItsSectionsAlone() {
        assertThat(SerialOpenMp.install()).isTrue();
        NativeLibrary lib = SerialOpenMp.library();
        List<String> run = new ArrayList<>();
        Region inner = data -> {
            for (long s = next(lib); s != 0; s = next(lib)) {
                run.add("inner " + s);
            }
            lib.getFunction("GOMP_sections_end_nowait").invokeVoid(new Object[0]);
        };
        Region outer = data -> {
            for (long s = next(lib); s != 0; s = next(lib)) {
                run.add("outer " + s);
                if (s == 2) {
                    sections(lib, inner, 2);
                }
            }
            lib.getFunction("GOMP_sections_end_nowait").invokeVoid(new Object[0]);
        };
        sections(lib, outer, 3);
        assertThat(run).containsExactly("outer 1", "outer 2", "inner 1", "inner 2", "outer 3");
        assertThat(lib.getFunction("omp_get_num_threads").invokeInt(new Object[0])).isEqualTo(1);
        assertThat(lib.getFunction("omp_get_thread_num").invokeInt(new Object[0])).isZero();
    }

    @Test
    void aParallelRegionIsOneCallOnTheCallingThread() {
        assertThat(SerialOpenMp.install()).isTrue();
        NativeLibrary lib = SerialOpenMp.library();
        List<Thread> ranOn = new ArrayList<>();
        long before = SerialOpenMp.regions();
        lib.getFunction("GOMP_parallel").invokeVoid(new Object[] {(Region) data -> ranOn.add(Thread.currentThread()),
                Pointer.NULL, 8, 0});
        assertThat(ranOn).containsExactly(Thread.currentThread());
        assertThat(SerialOpenMp.regions()).isEqualTo(before + 1);
    }

    @Test
    void aTesseractLoadedBeforeTheEngineIsReportedAsBypassingTheStandIns() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), TesseractLoadedFirst.class.getName())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(out).contains("read: 神戸").contains("bypass the serial stand-ins");
    }

    /** A process that loads libtesseract through Tess4J before it makes an engine. */
    public static final class TesseractLoadedFirst {
        public static void main(String[] args) {
            System.out.println("Tesseract " + TessAPI.INSTANCE.TessVersion());
            try (TesseractEngine engine = new TesseractEngine(EngineConfig.DEFAULT_TESSDATA)) {
                OcrText r = engine.read(TesseractEngineTest.text("神戸", 30), new OcrSettings("jpn", 7, "", 0));
                System.out.println("read: " + r.text().replace(" ", "") + ", regions " + SerialOpenMp.regions());
            }
        }
    }

    private static long next(NativeLibrary lib) {
        return lib.getFunction("GOMP_sections_next").invokeLong(new Object[0]);
    }

    private static void sections(NativeLibrary lib, Region body, int count) {
        lib.getFunction("GOMP_parallel_sections").invokeVoid(new Object[] {body, Pointer.NULL, 4, count, 0});
    }
}
