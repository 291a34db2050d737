package io.paretone.evaluators.families;

import io.paretone.spaces.ModelFamily;
import io.paretone.spaces.image.ImageFormat;
import io.paretone.spaces.pixelcnn.PixelCnnFamily;
import java.util.List;
import java.util.Map;

class PixelCnnContractTest extends ImageFamilyContract {
    @Override
    protected ModelFamily family() {
        return new PixelCnnFamily(ImageFormat.DIGITS);
    }

    @Override
    protected Map<String, List<String>> tinyValues() {
        return Map.of(
                "layers", List.of("1", "2"),
                "channels", List.of("4", "8"),
                "first_kernel", List.of("3", "5"),
                "levels", List.of("2", "4"),
                "training_steps", List.of("20"),
                "batch_size", List.of("4"),
                "learning_rate", List.of("3e-3"));
    }
}
