package io.paretone.evaluators.data;

/** One note to render: a General MIDI program, a MIDI pitch and velocity, and when it is released. */
record SynthNote(int program, int pitch, int velocity, long noteOffMicros) {
    /** The clip label, {@code program:pitch}, such as {@code 73:69} for a flute A4. */
    String label() {
        return program + ":" + pitch;
    }
}
