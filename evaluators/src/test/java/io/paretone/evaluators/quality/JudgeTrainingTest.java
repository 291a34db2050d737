package io.paretone.evaluators.quality;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.Device;
import org.junit.jupiter.api.Test;

/**
 * The judges' training config names the judge's device. Without it DJL picks GPU 0 whenever it
 * sees one, away from the judge's CPU data, and {@code ParameterStore.getValue} fails; a GPU device
 * here needs no GPU, since the config only records it.
 */
class JudgeTrainingTest {
    @Test
    void trainingConfigKeepsTheJudgesDevice() {
        assertArrayEquals(
                new Device[] {Device.gpu(0)},
                JudgeTraining.config(Device.gpu(0), 1e-3f).getDevices());
        assertArrayEquals(
                new Device[] {Device.cpu()},
                JudgeTraining.config(Device.cpu(), 1e-3f).getDevices());
    }
}
