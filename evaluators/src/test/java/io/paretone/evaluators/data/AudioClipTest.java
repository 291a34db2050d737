package io.paretone.evaluators.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.paretone.spaces.check.InvalidValueException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AudioClipTest {
    @Test
    void labelJoinsTheFacetValuesInTheOrderGiven() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("instrument", "73");
        labels.put("pitch", "69");
        AudioClip clip = new AudioClip(new float[1], labels);
        assertEquals("73:69", clip.label());
        assertEquals(List.of("instrument", "pitch"), List.copyOf(clip.labels().keySet()));
    }

    @Test
    void aPlainLabelIsTheSingleFacetLabel() {
        AudioClip clip = new AudioClip(new float[1], "seven");
        assertEquals(Map.of(AudioClip.LABEL, "seven"), clip.labels());
        assertEquals("seven", clip.label());
    }

    @Test
    void aClipWithoutLabelsIsRejected() {
        InvalidValueException e =
                assertThrows(InvalidValueException.class, () -> new AudioClip(new float[1], Map.of()));
        assertEquals("labels", e.name());
    }

    @Test
    void labelsCannotBeChangedAfterwards() {
        Map<String, String> labels = new LinkedHashMap<>(Map.of("digit", "one"));
        AudioClip clip = new AudioClip(new float[1], labels);
        labels.put("digit", "two");
        assertEquals("one", clip.label());
        assertThrows(UnsupportedOperationException.class, () -> clip.labels().put("digit", "three"));
    }
}
