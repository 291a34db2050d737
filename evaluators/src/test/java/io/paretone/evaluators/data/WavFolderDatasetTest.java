package io.paretone.evaluators.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretone.evaluators.audio.WavFiles;
import io.paretone.spaces.check.InvalidValueException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavFolderDatasetTest {
    private static final int RATE = 16_000;
    private static final double CLIP_SECONDS = 0.25;

    @TempDir
    Path dir;

    private Path folder;
    private Path cache;

    /**
     * dog/ and bird/ hold three good 16 kHz clips each; stereo/ a stereo 44.1 kHz file; tiny/ a
     * one-sample file; broken/ a file of text named .wav and a WAV with no samples; one good clip
     * lies directly in the folder.
     */
    @BeforeEach
    void folderOfWavFiles() throws IOException {
        folder = dir.resolve("sounds");
        cache = dir.resolve("cache");
        for (int i = 0; i < 3; i++) {
            WavFiles.write(folder.resolve("dog/d" + i + ".wav"), sine(200 + 50 * i, RATE, RATE / 2, 0.5), RATE);
            WavFiles.write(folder.resolve("bird/b" + i + ".wav"), sine(2000 + 300 * i, RATE, RATE / 2, 0.3), RATE);
        }
        writeStereo(folder.resolve("stereo/s.wav"), 44_100, 44_100 / 2);
        WavFiles.write(folder.resolve("tiny/one.wav"), new float[] {0.5f}, RATE);
        Files.createDirectories(folder.resolve("broken"));
        Files.writeString(folder.resolve("broken/corrupt.wav"), "this is not a WAV file");
        WavFiles.write(folder.resolve("broken/empty.wav"), new float[0], RATE);
        WavFiles.write(folder.resolve("loose.wav"), sine(300, RATE, RATE, 0.4), RATE);
    }

    private static float[] sine(double hz, int rate, int n, double amplitude) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / rate));
        }
        return x;
    }

    /** Left a 500 Hz sine of amplitude 0.6, right silent: the mono mix is that sine at 0.3. */
    private static void writeStereo(Path file, int rate, int frames) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(4 * frames).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < frames; i++) {
            bytes.putShort((short) Math.round(0.6 * 32767 * Math.sin(2 * Math.PI * 500 * i / rate)));
            bytes.putShort((short) 0);
        }
        AudioFormat format = new AudioFormat(rate, 16, 2, true, false);
        Files.createDirectories(file.getParent());
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(bytes.array()), format, frames)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        }
    }

    private WavFolderDataset dataset(long seed) {
        return new WavFolderDataset(WavFolderSettings.builder()
                .setFolder(folder)
                .setSeed(seed)
                .optClipSeconds(CLIP_SECONDS)
                .optSampleRate(RATE)
                .build());
    }

    private static List<AudioClip> all(AudioSplits splits) {
        List<AudioClip> clips = new ArrayList<>(splits.train());
        clips.addAll(splits.validation());
        clips.addAll(splits.test());
        return clips;
    }

    private static AudioClip only(AudioSplits splits, String label) {
        List<AudioClip> found =
                all(splits).stream().filter(c -> c.label().equals(label)).toList();
        assertEquals(1, found.size(), label);
        return found.get(0);
    }

    @Test
    void unreadableAndEmptyFilesAreSkippedAndListedInOneLine() throws IOException {
        WavFolderDataset dataset = dataset(1);
        AudioSplits splits = dataset.load(cache);

        assertEquals(9, all(splits).size(), "11 files, 2 skipped");
        assertEquals(1, dataset.notices().size());
        String line = dataset.notices().get(0);
        assertTrue(line.startsWith("Skipped 2 of 11 WAV files in " + folder), line);
        assertTrue(line.contains("broken/corrupt.wav (") && line.contains("broken/empty.wav (empty)"), line);
        assertTrue(!line.contains("\n"), "one line");
    }

    @Test
    void labelsAreTheFirstLevelSubFolders() throws IOException {
        AudioSplits splits = dataset(1).load(cache);

        Set<String> labels = new TreeSet<>();
        for (AudioClip clip : all(splits)) {
            assertEquals(Set.of(WavFolderDataset.FOLDER), clip.labels().keySet());
            labels.add(clip.label());
        }
        assertEquals(Set.of("bird", "dog", "stereo", "tiny", WavFolderDataset.UNLABELLED), labels);
    }

    @Test
    void everyClipHasTheClipLength() throws IOException {
        for (AudioClip clip : all(dataset(1).load(cache))) {
            assertEquals(4000, clip.samples().length, clip.label());
        }
    }

    @Test
    void stereo44kFileIsMixedToMonoAndResampled() throws IOException {
        float[] x = only(dataset(1).load(cache), "stereo").samples();
        // (0.6 sin + 0) / 2 at 16 kHz; the resampler's edge (16 zero crossings) is left out.
        for (int j = 64; j < x.length; j++) {
            assertEquals(0.3 * Math.sin(2 * Math.PI * 500 * j / RATE), x[j], 3e-3, "sample " + j);
        }
    }

    @Test
    void oneSampleFileIsKeptAndZeroPadded() throws IOException {
        float[] x = only(dataset(1).load(cache), "tiny").samples();
        assertEquals(0.5f, x[0], 1 / 32768f);
        for (int j = 1; j < x.length; j++) {
            assertEquals(0f, x[j], "sample " + j);
        }
    }

    @Test
    void longerFilesAreCutAndLoudnessIsKept() throws IOException {
        float[] x = only(dataset(1).load(cache), WavFolderDataset.UNLABELLED).samples();
        float peak = 0;
        for (float v : x) {
            peak = Math.max(peak, Math.abs(v));
        }
        assertEquals(0.4f, peak, 0.01f, "one second cut to 0.25 s, amplitude 0.4 untouched");
    }

    @Test
    void sameSeedGivesTheSameSplitFromTheCacheWithTheNoticeAgain() throws IOException {
        AudioSplits first = dataset(3).load(cache);
        WavFolderDataset again = dataset(3);
        AudioSplits second = again.load(cache);

        assertEquals(first.contentHash(), second.contentHash());
        assertEquals(1, again.notices().size(), "the skipped files are still reported from the cache");
        assertTrue(first.train().size() >= 1
                && first.validation().size() >= 1
                && first.test().size() >= 1);
        try (var entries = Files.list(cache)) {
            assertEquals(1, entries.count(), "one cache folder, no temporary left");
        }
    }

    @Test
    void anotherSeedSplitsDifferently() throws IOException {
        AudioSplits a = dataset(3).load(cache);
        AudioSplits b = dataset(4).load(cache);
        assertTrue(!a.contentHash().equals(b.contentHash()));
    }

    @Test
    void changedFilesArePreparedAgain() throws IOException {
        String before = dataset(1).load(cache).contentHash();
        WavFiles.write(folder.resolve("dog/d0.wav"), sine(900, RATE, RATE / 2, 0.5), RATE);
        Files.setLastModifiedTime(
                folder.resolve("dog/d0.wav"),
                java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 10_000));
        assertTrue(!before.equals(dataset(1).load(cache).contentHash()));
    }

    @Test
    void missingFolderIsReportedWithWhatToDo() {
        WavFolderDataset dataset = new WavFolderDataset(WavFolderSettings.builder()
                .setFolder(dir.resolve("nowhere"))
                .setSeed(1)
                .build());
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> dataset.load(cache));
        assertEquals("dataset.folder", e.name());
        assertTrue(e.getMessage().contains("is not a folder"), e.getMessage());
    }

    @Test
    void folderWithTooFewReadableFilesIsReportedNamingThem() throws IOException {
        Path bad = dir.resolve("bad");
        Files.createDirectories(bad.resolve("x"));
        Files.writeString(bad.resolve("x/a.wav"), "garbage");
        WavFiles.write(bad.resolve("x/b.wav"), sine(440, RATE, 100, 0.5), RATE);
        WavFolderDataset dataset = new WavFolderDataset(
                WavFolderSettings.builder().setFolder(bad).setSeed(1).build());
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> dataset.load(cache));
        assertTrue(e.getMessage().contains("1 of 2 WAV files are readable"), e.getMessage());
        assertTrue(e.getMessage().contains("x/a.wav"), e.getMessage());
    }

    @Test
    void moreFilesThanMaxClipsUseASeededChoice() throws IOException {
        WavFolderDataset dataset = new WavFolderDataset(WavFolderSettings.builder()
                .setFolder(folder)
                .setSeed(1)
                .optClipSeconds(CLIP_SECONDS)
                .optMaxClips(8)
                .build());
        AudioSplits splits = dataset.load(cache);
        int skipped = dataset.notices().isEmpty()
                ? 0
                : Integer.parseInt(dataset.notices().get(0).split(" ")[1]);
        assertEquals(8, all(splits).size() + skipped, "8 of the 11 files chosen; " + dataset.notices());
        assertTrue(dataset.notices().isEmpty() || dataset.notices().get(0).contains(" of 8 WAV files"));
    }
}
