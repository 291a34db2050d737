package io.paretone.evaluators.quality;

import io.paretone.evaluators.data.AudioClip;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The label facets a judge predicts and their classes, as seen in the training split: per facet,
 * its distinct values sorted. Facets with fewer than two values there teach nothing and are left
 * out, so a dataset without labels has no facets at all.
 *
 * @param facets facet names, in the clips' facet order
 * @param classes per facet, its class values in index order
 */
public record LabelVocabulary(List<String> facets, List<List<String>> classes) {
    public LabelVocabulary {
        facets = List.copyOf(facets);
        classes = classes.stream().map(List::copyOf).toList();
    }

    public static LabelVocabulary of(List<AudioClip> training) {
        List<String> facets = new ArrayList<>();
        List<List<String>> classes = new ArrayList<>();
        if (!training.isEmpty()) {
            for (String facet : training.get(0).labels().keySet()) {
                TreeSet<String> values = new TreeSet<>();
                for (AudioClip clip : training) {
                    String value = clip.labels().get(facet);
                    if (value != null) {
                        values.add(value);
                    }
                }
                if (values.size() >= 2) {
                    facets.add(facet);
                    classes.add(List.copyOf(values));
                }
            }
        }
        return new LabelVocabulary(facets, classes);
    }

    /** Classes over all facets: the width of the judge's output. */
    public int totalClasses() {
        return classes.stream().mapToInt(List::size).sum();
    }

    /** Where facet {@code f}'s logits start in the judge's output. */
    public int offset(int f) {
        int offset = 0;
        for (int i = 0; i < f; i++) {
            offset += classes.get(i).size();
        }
        return offset;
    }

    /** Class index per facet of a clip's labels; -1 where the value was not seen in training. */
    public int[] indices(AudioClip clip) {
        int[] out = new int[facets.size()];
        for (int f = 0; f < facets.size(); f++) {
            String value = clip.labels().get(facets.get(f));
            out[f] = value == null ? -1 : classes.get(f).indexOf(value);
        }
        return out;
    }
}
