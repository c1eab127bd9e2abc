package io.todoke.ocr.read;

import com.sun.jna.Function;
import com.sun.jna.Library;
import com.sun.jna.NativeLibrary;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * Makes Tesseract's OpenMP parallel regions plain calls on the reading thread, by loading the engine's serial
 * stand-ins for libgomp's entry points ({@code src/main/c/serial_openmp.c}) into the process's global symbol scope
 * before libtesseract is loaded: the dynamic linker then binds libtesseract's calls to them rather than to libgomp.
 * With one Tesseract per reading thread and one OpenMP thread each, libgomp's team set-up and barrier wake-ups for
 * every region of the LSTM cost CPU for nothing (measured in docs/BENCHMARKS.md, "OpenMP regions and page faults").
 * <p>
 * The library is built by the ocr-engine module where gcc is installed; where it is missing, or
 * {@code -Dtodoke.ocr.serial-openmp=false} is given, Tesseract runs with libgomp as installed (then keep
 * {@code OMP_THREAD_LIMIT=1}, as the scripts do). Readings are the same either way.
 */
public final class SerialOpenMp {

    /** The property that turns the stand-ins off ({@code false}); on by default. */
    public static final String PROPERTY = "todoke.ocr.serial-openmp";
    static final String RESOURCE = "libtodoke-serial-openmp.so";
    private static final int RTLD_NOW = 0x2;
    private static final int RTLD_GLOBAL = 0x100;
    private static final System.Logger LOG = System.getLogger(SerialOpenMp.class.getName());

    private static NativeLibrary library;
    private static boolean tried;

    private SerialOpenMp() {
    }

    /**
     * Loads the stand-ins once per process; must run before libtesseract is loaded (TesseractEngine's class
     * initialisation calls it first). Whether they are loaded.
     */
    public static synchronized boolean install() {
        if (tried) {
            return library != null;
        }
        tried = true;
        if (!Boolean.parseBoolean(System.getProperty(PROPERTY, "true"))) {
            LOG.log(System.Logger.Level.INFO, "Tesseract runs with its own OpenMP runtime ({0}=false)", PROPERTY);
            return false;
        }
        if (!System.getProperty("os.name", "").startsWith("Linux")) {
            return false;
        }
        try (InputStream in = SerialOpenMp.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                LOG.log(System.Logger.Level.INFO, "Tesseract runs with its own OpenMP runtime: {0} was not built "
                        + "(gcc missing when ocr-engine was built); keep OMP_THREAD_LIMIT=1", RESOURCE);
                return false;
            }
            Path file = Files.createTempFile("todoke-serial-openmp", ".so");
            file.toFile().deleteOnExit();
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            library = NativeLibrary.getInstance(file.toString(),
                    Map.of(Library.OPTION_OPEN_FLAGS, RTLD_NOW | RTLD_GLOBAL));
            return true;
        } catch (IOException | UnsatisfiedLinkError e) {
            LOG.log(System.Logger.Level.WARNING, "Tesseract runs with its own OpenMP runtime: cannot load "
                    + RESOURCE + " (" + e.getMessage() + "); keep OMP_THREAD_LIMIT=1");
            library = null;
            return false;
        }
    }

    /**
     * Called after a Tesseract reading: warns where the stand-ins are loaded but the reading ran none of its regions
     * through them (libtesseract was loaded before the engine, by other code in the process). Whether they are in use.
     */
    static boolean confirmInUse() {
        long regions = regions();
        if (regions == 0) {
            LOG.log(System.Logger.Level.WARNING, "Tesseract's OpenMP calls bypass the serial stand-ins: libtesseract "
                    + "was loaded before io.todoke.ocr.read.TesseractEngine; keep OMP_THREAD_LIMIT=1");
        }
        return regions > 0;
    }

    /** The loaded stand-ins; null where they are not loaded. */
    static synchronized NativeLibrary library() {
        return library;
    }

    /** Parallel regions run through the stand-ins so far; -1 where they are not loaded. */
    public static synchronized long regions() {
        if (library == null) {
            return -1;
        }
        Function f = library.getFunction("todoke_serial_openmp_regions");
        return f.invokeLong(new Object[0]);
    }
}
