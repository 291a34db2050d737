package io.paretone.spaces.training;

/**
 * What a clip is, for families that condition on it (SING, GANSynth): an instrument class and a
 * MIDI pitch. For the {@code notes} data these are the General MIDI program (as a class index) and
 * the note played; for data without pitches, the instrument is the label's class and the pitch is
 * {@link #NO_PITCH}.
 *
 * @param instrument class index in [0, instruments of the data)
 * @param pitch MIDI note number in [0, 127]
 */
public record ClipLabel(int instrument, int pitch) {
    /** The pitch given to clips whose data has none (middle C). */
    public static final int NO_PITCH = 60;

    public static final int PITCHES = 128;

    public ClipLabel {
        if (instrument < 0 || pitch < 0 || pitch >= PITCHES) {
            throw new IllegalArgumentException("bad clip label " + instrument + ":" + pitch);
        }
    }
}
