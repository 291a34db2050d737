package io.paretone.spaces.samplernn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import io.paretone.spaces.audio.Categorical;
import io.paretone.spaces.training.SampleCode;
import io.paretone.spaces.training.StepContext;
import io.paretone.spaces.training.Update;

/** Next-sample cross-entropy over the predicted part of each crop, as for WaveNet. */
final class SampleRnnLoss implements Update.Loss {
    private final SampleRnnArchitecture arch;
    private final int batchSize;

    SampleRnnLoss(SampleRnnArchitecture arch, int batchSize) {
        this.arch = arch;
        this.batchSize = batchSize;
    }

    @Override
    public NDArray compute(StepContext context) {
        int n = arch.cropLength();
        NDArray positions = context.cropPositions(batchSize, n);
        NDArray x = context.classesAt(positions, SampleCode.MU_LAW_CLASSES);
        // The tiers see what generation will feed them: each sample as its class decodes.
        NDArray v = context.codesAt(positions, SampleCode.MU_LAW_DECODED);
        NDArray logits = context.block()
                .forward(context.parameters(), new NDList(x, v), true)
                .singletonOrThrow();
        NDArray targets = x.get(":, " + arch.topFrame() + ":");
        return Categorical.crossEntropy(logits, targets);
    }
}
