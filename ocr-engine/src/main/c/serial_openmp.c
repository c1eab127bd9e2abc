/*
 * Serial stand-ins for the OpenMP runtime calls that Debian's libtesseract makes (GOMP_parallel and friends).
 *
 * Why: the engine runs one Tesseract per reading thread, and Tesseract is told to use one OpenMP thread
 * (OMP_THREAD_LIMIT=1). libgomp still builds and tears down a team, and wakes a barrier's futex, for every parallel
 * region, and Tesseract's LSTM enters one per layer and time step: about 20,000 a second per reading thread, which
 * cost a tenth of the engine's CPU (docs/BENCHMARKS.md). Loaded into the global symbol scope before libtesseract,
 * these definitions take the place of libgomp's, and each region is a plain call on the reading thread.
 *
 * The semantics are those of a team of one: omp_get_num_threads() is 1, omp_get_thread_num() is 0, and a sections
 * region hands out its sections 1..count in order. These six symbols are all that libtesseract 5.3 imports from
 * libgomp (nm -D --undefined-only); the version nodes match libgomp's.
 */
#include <stdint.h>

static __thread unsigned next_section;
static __thread unsigned last_section;
static uint64_t regions;

void GOMP_parallel(void (*fn)(void *), void *data, unsigned num_threads, unsigned flags) {
    (void) num_threads;
    (void) flags;
    __atomic_fetch_add(&regions, 1, __ATOMIC_RELAXED);
    fn(data);
}

void GOMP_parallel_sections(void (*fn)(void *), void *data, unsigned num_threads, unsigned count,
                            unsigned flags) {
    (void) num_threads;
    (void) flags;
    __atomic_fetch_add(&regions, 1, __ATOMIC_RELAXED);
    /* a region nested in another's section must leave the outer region's sections as they were */
    unsigned outer_next = next_section;
    unsigned outer_last = last_section;
    next_section = 1;
    last_section = count;
    fn(data);
    next_section = outer_next;
    last_section = outer_last;
}

long GOMP_sections_next(void) {
    return next_section <= last_section ? (long) next_section++ : 0;
}

void GOMP_sections_end_nowait(void) {
}

int omp_get_num_threads(void) {
    return 1;
}

int omp_get_thread_num(void) {
    return 0;
}

/* Parallel regions run through these stand-ins since the library was loaded: what shows they are in use. */
uint64_t todoke_serial_openmp_regions(void) {
    return __atomic_load_n(&regions, __ATOMIC_RELAXED);
}
