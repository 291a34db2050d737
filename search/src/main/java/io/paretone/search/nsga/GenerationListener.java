package io.paretone.search.nsga;

/** Hears when a generation's candidates are about to be evaluated and when they are done. */
public interface GenerationListener {
    /** @param generation 0 for the initial population */
    void generationStarted(int generation, int candidates);

    void generationFinished(int generation);
}
