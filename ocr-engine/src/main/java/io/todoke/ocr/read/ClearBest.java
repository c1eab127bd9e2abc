package io.todoke.ocr.read;

/**
 * The best-scored of some candidates, taken only where it scores clearly more than the runner-up: a choice among a
 * handful of words by the printed shape must not be a coin toss.
 */
final class ClearBest<T> {

    private final double floor;
    private T best;
    private double bestScore;
    private double second;

    /** {@code floor}: the score a lone candidate is measured against, as if a runner-up had it. */
    ClearBest(double floor) {
        this.floor = floor;
        reset();
    }

    /** Forgets the candidates offered so far (a nearer kind of candidate was found). */
    void reset() {
        best = null;
        bestScore = floor;
        second = floor;
    }

    void offer(T candidate, double score) {
        if (best == null || score > bestScore) {
            second = best == null ? second : bestScore;
            bestScore = score;
            best = candidate;
        } else {
            second = Math.max(second, score);
        }
    }

    /** The best candidate if it scores at least {@code margin} more than every other (and the floor); else null. */
    T clearly(double margin) {
        return best != null && bestScore - second >= margin ? best : null;
    }
}
