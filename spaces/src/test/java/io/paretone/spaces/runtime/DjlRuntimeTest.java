package io.paretone.spaces.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DjlRuntimeTest {
    /**
     * PyTorch records gradients by default on every thread but the engine's first; paretone's
     * threads must record them only inside a training step's collector, or generation and scoring
     * build autograd graphs.
     */
    @Test
    void aThreadThatUsesTheEngineRecordsGradientsOnlyInsideACollector() throws InterruptedException {
        // Loaded here first, so the thread below is not the one that loads it.
        DjlRuntime.engine();
        List<Boolean> seen = new ArrayList<>();
        Thread t = new Thread(() -> {
            var engine = DjlRuntime.engine();
            seen.add(JniUtils.isGradMode());
            GradientCollector collector = engine.newGradientCollector();
            try {
                seen.add(JniUtils.isGradMode());
            } finally {
                collector.close();
            }
            seen.add(JniUtils.isGradMode());
        });
        t.start();
        t.join();
        assertEquals(List.of(false, true, false), seen, "before, inside and after a collector");
    }
}
