package io.paretone.spaces;

import io.paretone.spaces.check.InvalidValueException;
import java.util.Arrays;
import java.util.Locale;

/**
 * The kind of data a model family generates, and so a study searches: every family belongs to one
 * domain and a study searches families of one domain on data of that domain. The domain names the
 * <em>unit</em> every per-generated figure is counted in (FLOPs, energy and wall time per unit),
 * so search, objectives and reports stay the same for every domain: one second of audio, or one
 * image.
 *
 * @param id the name in configs, stored studies and {@code --domain}
 * @param unit one generated unit in words, for labels such as "J per second of audio"
 * @param units several units in words, such as "seconds of audio"
 * @param shortUnit the unit in a column heading, such as "FLOPs/s"
 * @param realData what held-out real data is called, for the quality objective's meaning
 * @param valueWords what the generated values are called, such as "samples"
 */
public enum Domain {
    /** Waveforms: training clips and generated clips of samples at the data's sample rate. */
    AUDIO("audio", "second of audio", "seconds of audio", "s", "real audio", "samples"),
    /** Images laid out as {@code ImageFormat} says: a generated unit is one whole image. */
    IMAGE("image", "image", "images", "img", "real images", "pixel values");

    private final String id;
    private final String unit;
    private final String units;
    private final String shortUnit;
    private final String realData;
    private final String valueWords;

    Domain(String id, String unit, String units, String shortUnit, String realData, String valueWords) {
        this.id = id;
        this.unit = unit;
        this.units = units;
        this.shortUnit = shortUnit;
        this.realData = realData;
        this.valueWords = valueWords;
    }

    public String id() {
        return id;
    }

    public String unit() {
        return unit;
    }

    public String units() {
        return units;
    }

    public String valueWords() {
        return valueWords;
    }

    public String shortUnit() {
        return shortUnit;
    }

    public String realData() {
        return realData;
    }

    /**
     * The domain of that name; {@code null} or empty reads as {@link #AUDIO}, the domain of studies
     * stored before there was a choice.
     *
     * @throws InvalidValueException naming the known domains for any other name
     */
    public static Domain byId(String id) {
        if (id == null || id.isBlank()) {
            return AUDIO;
        }
        return Arrays.stream(values())
                .filter(d -> d.id.equals(id.strip().toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new InvalidValueException("domain", id, "use audio or image"));
    }

    @Override
    public String toString() {
        return id;
    }
}
