package io.paretone.experiments.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class GenerationBenchTest {
    @Test
    void smallGenomesAreTimedAndGenerateTheSameClipsForTheSameSeed() {
        var settings = new GenerationBench.Settings(Device.cpu(), 2, 24, "small", 5);
        StringWriter text = new StringWriter();
        List<GenerationBench.Row> first = GenerationBench.run(settings, new PrintWriter(text, true));
        List<GenerationBench.Row> second = GenerationBench.run(settings, new PrintWriter(new StringWriter(), true));

        long small = GenerationBench.GENOMES.stream()
                .filter(g -> g.size().equals("small"))
                .count();
        assertEquals(2, small, "a quickstart-size WaveNet and SampleRNN");
        assertEquals(small, first.size(), text.toString());
        for (int i = 0; i < first.size(); i++) {
            GenerationBench.Row r = first.get(i);
            assertTrue(r.genome().startsWith("small "), r.genome());
            assertTrue(r.seconds() > 0 && Double.isFinite(r.seconds()), r.toString());
            assertEquals(2 * 24 / r.seconds(), r.samplesPerSecond(), 1e-9 * r.samplesPerSecond());
            assertEquals(
                    r.checksum(),
                    second.get(i).checksum(),
                    "fresh weights and draws from the same seed: " + r.genome());
            assertTrue(text.toString().contains(String.format("checksum %08x", r.checksum())), text.toString());
        }
    }
}
