package io.paretone.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.apache.spark.resource.ResourceInformation;
import org.junit.jupiter.api.Test;

class TaskWorkersTest {
    @Test
    void aTaskTrainsOnTheGpuSparkAssignedIt() {
        var gpus = Map.of("gpu", new ResourceInformation("gpu", new String[] {"3"}));
        assertEquals("gpu:3", TaskWorkers.device(gpus));
    }

    @Test
    void aTaskWithoutAGpuTrainsOnTheCpu() {
        assertEquals("cpu", TaskWorkers.device(Map.of()));
        assertEquals("cpu", TaskWorkers.device(Map.of("gpu", new ResourceInformation("gpu", new String[0]))));
    }
}
