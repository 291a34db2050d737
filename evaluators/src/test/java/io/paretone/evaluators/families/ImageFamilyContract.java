package io.paretone.evaluators.families;

import io.paretone.evaluators.data.image.RenderedDigitsDataset;
import io.paretone.evaluators.data.image.RenderedDigitsSettings;
import io.paretone.spaces.training.TrainingData;
import java.io.IOException;
import java.nio.file.Path;

/** The family contract for image families: they train on 50 rendered digits instead of notes. */
abstract class ImageFamilyContract extends ModelFamilyContract {
    private static TrainingData digits;

    @Override
    protected TrainingData trainingData() throws IOException {
        synchronized (ImageFamilyContract.class) {
            if (digits == null) {
                digits = new RenderedDigitsDataset(new RenderedDigitsSettings(5, 5, 1, 1))
                        .load(Path.of("target", "contract-digits"))
                        .trainingData();
            }
            return digits;
        }
    }
}
