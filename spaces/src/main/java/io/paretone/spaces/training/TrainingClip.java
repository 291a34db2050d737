package io.paretone.spaces.training;

/**
 * One training clip as a model family sees it.
 *
 * @param samples audio in [-1, 1]
 */
public record TrainingClip(float[] samples, ClipLabel label) {}
