package io.todoke.ocr.steps;

/** A step of the reader, named so configuration can switch it off. */
public interface Step {

    /** What a step does to a candidate. */
    enum Kind {
        /** Offers another value from other readings. */
        PROPOSE,
        /** Changes characters of the value where knowledge and the print agree. */
        MEND,
        /** Holds the value back for a clerk. */
        DOUBT,
        /** Lets a value be accepted on other evidence than its confidence. */
        VOUCH
    }

    /** The step's name in configuration ({@code todoke.steps.off}) and in the ablation table. */
    String name();

    Kind kind();
}
