package io.paretone.spaces;

import io.paretone.spaces.check.InvalidValueException;
import io.paretone.spaces.wavenet.WaveNetFamily;
import java.util.List;

/** The model families paretone knows, by name. */
public final class ModelFamilies {
    private static final List<ModelFamily> ALL = List.of(new WaveNetFamily());

    private ModelFamilies() {}

    public static List<ModelFamily> all() {
        return ALL;
    }

    public static ModelFamily byName(String name) {
        return ALL.stream()
                .filter(f -> f.name().equalsIgnoreCase(name))
                .findFirst()
                .orElseThrow(() -> new InvalidValueException(
                        "family", name, "known families are " + ALL.stream().map(ModelFamily::name).toList()));
    }
}
