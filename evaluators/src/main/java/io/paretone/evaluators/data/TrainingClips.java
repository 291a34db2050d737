package io.paretone.evaluators.data;

import io.paretone.spaces.training.ClipLabel;
import io.paretone.spaces.training.TrainingClip;
import io.paretone.spaces.training.TrainingData;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a dataset's labelled clips into the {@link TrainingData} families train on. Labels of the
 * form {@code program:pitch} (the {@code notes} data) give the program's rank among the programs
 * present as the instrument and the MIDI pitch; any other label (a spoken digit) gives its rank
 * among the labels present as the instrument and {@link ClipLabel#NO_PITCH}.
 */
public final class TrainingClips {
    private static final Pattern NOTE = Pattern.compile("(\\d+):(\\d+)");

    private TrainingClips() {}

    public static TrainingData from(List<AudioClip> clips, int sampleRate) {
        boolean notes = clips.stream().allMatch(c -> NOTE.matcher(c.label()).matches());
        TreeSet<String> classes = new TreeSet<>();
        TreeSet<Integer> programs = new TreeSet<>();
        for (AudioClip c : clips) {
            if (notes) {
                Matcher m = match(c.label());
                programs.add(Integer.parseInt(m.group(1)));
            } else {
                classes.add(c.label());
            }
        }
        List<Integer> programOrder = new ArrayList<>(programs);
        List<String> classOrder = new ArrayList<>(classes);
        List<TrainingClip> out = new ArrayList<>(clips.size());
        for (AudioClip c : clips) {
            ClipLabel label;
            if (notes) {
                Matcher m = match(c.label());
                label = new ClipLabel(programOrder.indexOf(Integer.parseInt(m.group(1))), Integer.parseInt(m.group(2)));
            } else {
                label = new ClipLabel(classOrder.indexOf(c.label()), ClipLabel.NO_PITCH);
            }
            out.add(new TrainingClip(c.samples(), label));
        }
        return new TrainingData(sampleRate, out, notes ? programOrder.size() : classOrder.size());
    }

    private static Matcher match(String label) {
        Matcher m = NOTE.matcher(label);
        if (!m.matches()) {
            throw new IllegalStateException("not a note label: " + label);
        }
        return m;
    }
}
