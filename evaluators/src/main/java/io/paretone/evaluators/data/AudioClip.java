package io.paretone.evaluators.data;

/**
 * A mono clip with its label (instrument and pitch for notes, the word for digits).
 *
 * @param samples audio in [-1, 1] at the dataset's sample rate
 */
public record AudioClip(float[] samples, String label) {}
