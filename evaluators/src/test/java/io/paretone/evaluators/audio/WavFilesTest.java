package io.paretone.evaluators.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavFilesTest {
    @TempDir
    Path dir;

    @Test
    void roundTripChangesNoSampleByMoreThanOneStep() throws IOException {
        SplittableRandom random = new SplittableRandom(42);
        float[] samples = new float[4000];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (float) (2 * random.nextDouble() - 1);
        }
        samples[0] = 1f;
        samples[1] = -1f;
        samples[2] = 0f;
        Path file = dir.resolve("runs/trial-1/sample.wav");

        WavFiles.write(file, samples, 16_000);
        WavFiles.Wav wav = WavFiles.read(file);

        assertEquals(16_000, wav.sampleRate());
        assertEquals(samples.length, wav.samples().length);
        for (int i = 0; i < samples.length; i++) {
            assertEquals(samples[i], wav.samples()[i], 1.0 / 32768, "sample " + i);
        }
        assertEquals(44 + 2 * samples.length, Files.size(file), "44-byte header and 16-bit samples");
    }

    @Test
    void samplesOutsideUnitRangeAreClipped() throws IOException {
        Path file = dir.resolve("loud.wav");
        WavFiles.write(file, new float[] {3f, -3f}, 8000);

        float[] read = WavFiles.read(file).samples();

        assertEquals(32767 / 32768f, read[0]);
        assertEquals(-1f, read[1]);
    }

    @Test
    void stereoFileIsReadAsTheMeanOfItsChannels() throws IOException {
        // Left 0.5 and right -0.25 as 16-bit PCM: 16384 and -8192; their mean is 0.125.
        ByteBuffer frames = ByteBuffer.allocate(4 * 3).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 3; i++) {
            frames.putShort((short) 16384).putShort((short) -8192);
        }
        AudioFormat stereo = new AudioFormat(22_050f, 16, 2, true, false);
        Path file = dir.resolve("stereo.wav");
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(frames.array()), stereo, 3)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        }

        WavFiles.Wav wav = WavFiles.read(file);

        assertEquals(22_050, wav.sampleRate());
        assertEquals(3, wav.samples().length);
        for (float v : wav.samples()) {
            assertEquals(0.125f, v);
        }
    }

    @Test
    void fileThatIsNotAudioIsReportedAsIoError() throws IOException {
        Path file = dir.resolve("not.wav");
        Files.writeString(file, "hello");

        assertThrows(IOException.class, () -> WavFiles.read(file));
    }
}
