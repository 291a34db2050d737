package io.paretone.evaluators.data;

import java.util.LinkedHashMap;
import java.util.Map;

/** One note to render: a General MIDI program, a MIDI pitch and velocity, and when it is released. */
record SynthNote(int program, int pitch, int velocity, long noteOffMicros) {
    /**
     * The clip's labels: {@value SynthNotesDataset#INSTRUMENT} (the program number) and
     * {@value SynthNotesDataset#PITCH} (the MIDI note number), so a flute A4 is {@code 73:69}.
     */
    Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(SynthNotesDataset.INSTRUMENT, Integer.toString(program));
        labels.put(SynthNotesDataset.PITCH, Integer.toString(pitch));
        return labels;
    }
}
