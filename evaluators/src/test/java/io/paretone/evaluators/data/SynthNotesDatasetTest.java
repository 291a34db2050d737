package io.paretone.evaluators.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretone.spaces.check.InvalidValueException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynthNotesDatasetTest {
    @TempDir
    Path cache;

    /** 12 notes of 0.25 s: small enough to render in well under a second. */
    private static SynthNotesSettings.Builder small(long seed) {
        return SynthNotesSettings.builder().setSeed(seed).optNotes(12).optClipSeconds(0.25);
    }

    /** Always Gervill's generated bank, whatever soundfonts this machine has. */
    private static SynthNotesDataset builtIn(SynthNotesSettings settings) {
        return new SynthNotesDataset(settings, null);
    }

    private static List<AudioClip> all(AudioSplits splits) {
        List<AudioClip> clips = new ArrayList<>(splits.train());
        clips.addAll(splits.validation());
        clips.addAll(splits.test());
        return clips;
    }

    private static void assertSameClips(AudioSplits expected, AudioSplits actual) {
        List<AudioClip> a = all(expected);
        List<AudioClip> b = all(actual);
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).label(), b.get(i).label());
            assertArrayEquals(a.get(i).samples(), b.get(i).samples(), "clip " + i);
        }
    }

    @Test
    void sameSeedAndBankRenderIdenticalSamplesAndHash() throws IOException {
        SynthNotesDataset first = builtIn(small(7).build());
        AudioSplits rendered = first.load(cache);
        deleteTree(first.cacheFolder(cache));

        SynthNotesDataset second = builtIn(small(7).build());
        AudioSplits rerendered = second.load(cache);

        assertEquals(12, second.renderedNotes(), "rendered again, not read from the cache");
        assertEquals(rendered.contentHash(), rerendered.contentHash());
        assertSameClips(rendered, rerendered);
        assertEquals(64, rendered.contentHash().length());
    }

    /**
     * Two cache folders (two machines, or CI and a laptop) generate Gervill's bank separately; left
     * unseeded its phases differ every time, and so did the notes and every judge trained on them.
     */
    @Test
    void separateCacheFoldersGenerateTheSameBankAndSoTheSameNotes(@TempDir Path otherCache) throws IOException {
        AudioSplits here = builtIn(small(7).build()).load(cache);
        AudioSplits there = builtIn(small(7).build()).load(otherCache);

        assertArrayEquals(
                Files.readAllBytes(cache.resolve(SynthNotesDataset.GENERATED_BANK)),
                Files.readAllBytes(otherCache.resolve(SynthNotesDataset.GENERATED_BANK)));
        assertEquals(here.contentHash(), there.contentHash());
        assertNotEquals(Math.random(), Math.random(), "Math.random() is no longer seeded after the generation");
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Test
    void differentSeedRendersDifferentNotes() throws IOException {
        AudioSplits seven = builtIn(small(7).build()).load(cache);
        AudioSplits eight = builtIn(small(8).build()).load(cache);

        assertNotEquals(seven.contentHash(), eight.contentHash());
    }

    @Test
    void secondLoadReadsTheCacheWithoutRenderingAndGivesTheSameHash() throws IOException {
        SynthNotesDataset renderer = builtIn(small(3).build());
        AudioSplits rendered = renderer.load(cache);
        assertEquals(12, renderer.renderedNotes());
        Path folder = renderer.cacheFolder(cache);
        assertTrue(Files.isRegularFile(folder.resolve("metadata.properties")));

        SynthNotesDataset reader = builtIn(small(3).build());
        AudioSplits cached = reader.load(cache);

        assertEquals(0, reader.renderedNotes());
        assertEquals(rendered.contentHash(), cached.contentHash());
        assertSameClips(rendered, cached);
        try (Stream<Path> entries = Files.list(cache)) {
            assertEquals(
                    Set.of(folder, cache.resolve(SynthNotesDataset.GENERATED_BANK)),
                    Set.copyOf(entries.toList()),
                    "the bank and the notes, no temporary file left behind");
        }
    }

    @Test
    void cacheRecordsTheBankAndSettings() throws IOException {
        SynthNotesDataset dataset = builtIn(small(3).build());
        dataset.load(cache);

        String metadata = Files.readString(dataset.cacheFolder(cache).resolve("metadata.properties"));
        assertTrue(metadata.contains("bank=gervill-generated"), metadata);
        assertTrue(metadata.contains("Emergency GM sound set"), metadata);
        assertTrue(metadata.contains("seed\\=3"), metadata);
        assertEquals("gervill-generated", dataset.bank());
    }

    @Test
    void damagedCacheIsReportedWithWhatToDo() throws IOException {
        SynthNotesDataset dataset = builtIn(small(3).build());
        dataset.load(cache);
        Path train = dataset.cacheFolder(cache).resolve("train.clips");
        byte[] bytes = Files.readAllBytes(train);
        bytes[bytes.length - 1] ^= 0x55;
        Files.write(train, bytes);

        IOException e =
                assertThrows(IOException.class, () -> builtIn(small(3).build()).load(cache));
        assertTrue(e.getMessage().contains("delete the folder"), e.getMessage());
    }

    @Test
    void clipsAreAudibleWithinUnitRangeAndPeakFollowsVelocity() throws IOException {
        AudioSplits splits = builtIn(small(11).optVelocities(64, 127).build()).load(cache);

        assertEquals(16_000, splits.sampleRate());
        for (AudioClip clip : all(splits)) {
            float[] x = clip.samples();
            assertEquals(4000, x.length, "0.25 s at 16 kHz");
            double energy = 0;
            float peak = 0;
            for (float v : x) {
                assertTrue(v >= -1 && v <= 1, clip.label() + " sample " + v);
                energy += v * v;
                peak = Math.max(peak, Math.abs(v));
            }
            double rms = Math.sqrt(energy / x.length);
            assertTrue(rms > 0.01, clip.label() + " rms " + rms);
            // Velocity 127 peaks at 0.9; velocity 64 at 0.9 x 64 / 127 = 0.4535.
            assertTrue(
                    Math.abs(peak - 0.9f) < 1e-6f || Math.abs(peak - 0.4535f) < 1e-4f, clip.label() + " peak " + peak);
        }
    }

    @Test
    void noTwoNotesShareProgramPitchAndVelocityWhilePairsRemain() {
        // 2 programs x 3 pitches x 2 velocities = 6 pairs per program; 12 notes use each exactly once.
        SynthNotesSettings settings = small(4).optPrograms(0, 73)
                .optPitchRange(60, 62)
                .optVelocities(64, 127)
                .build();
        List<SynthNote> notes = SynthNotesDataset.drawNotes(settings, new java.util.SplittableRandom(4));
        Set<List<Integer>> distinct = new java.util.HashSet<>();
        for (SynthNote note : notes) {
            distinct.add(List.of(note.program(), note.pitch(), note.velocity()));
        }
        assertEquals(12, distinct.size(), notes.toString());
    }

    @Test
    void splitsAreNonEmptyAndAddUpToTheNotes() throws IOException {
        AudioSplits splits = builtIn(small(5).build()).load(cache);

        // 12 notes at 0.7/0.15/0.15: round(1.8) = 2 each for validation and test, 8 for training.
        assertEquals(8, splits.train().size());
        assertEquals(2, splits.validation().size());
        assertEquals(2, splits.test().size());
    }

    @Test
    void labelsNameProgramAndPitchWithProgramsInTurn() throws IOException {
        AudioSplits splits = builtIn(
                        small(5).optPrograms(0, 73).optPitchRange(60, 64).build())
                .load(cache);

        long pianos = 0;
        for (AudioClip clip : all(splits)) {
            assertEquals(
                    List.of("instrument", "pitch"), List.copyOf(clip.labels().keySet()));
            String[] parts = clip.label().split(":");
            assertEquals(2, parts.length, clip.label());
            assertEquals(clip.labels().get("instrument"), parts[0]);
            assertTrue(parts[0].equals("0") || parts[0].equals("73"), clip.label());
            int pitch = Integer.parseInt(parts[1]);
            assertTrue(pitch >= 60 && pitch <= 64, clip.label());
            pianos += parts[0].equals("0") ? 1 : 0;
        }
        assertEquals(6, pianos, "two programs in turn over 12 notes");
    }

    @Test
    void noteA4SoundsNear440Hertz() throws IOException {
        SynthNotesSettings settings = SynthNotesSettings.builder()
                .setSeed(1)
                .optNotes(3)
                .optClipSeconds(0.25)
                .optPrograms(19)
                .optPitchRange(69, 69)
                .optSplitFractions(1 / 3.0, 1 / 3.0, 1 / 3.0)
                .build();
        // An organ: Gervill's generated flute and brass put most energy in their upper harmonics.
        AudioClip organ = builtIn(settings).load(cache).train().get(0);
        assertEquals("19:69", organ.label());

        double dominant = dominantFrequency(organ.samples(), 16_000, 100, 2000);
        assertEquals(440, dominant, 8, "dominant frequency of an organ A4");
    }

    /** The frequency in [low, high] Hz, 1 Hz apart, where a plain DFT of {@code x} is largest. */
    private static double dominantFrequency(float[] x, int sampleRate, int low, int high) {
        double best = 0;
        int bestFrequency = low;
        for (int f = low; f <= high; f++) {
            double step = 2 * Math.PI * f / sampleRate;
            double stepCos = Math.cos(step);
            double stepSin = Math.sin(step);
            double c = 1;
            double s = 0;
            double re = 0;
            double im = 0;
            for (float v : x) {
                re += v * c;
                im -= v * s;
                double nextC = c * stepCos - s * stepSin;
                s = s * stepCos + c * stepSin;
                c = nextC;
            }
            double power = re * re + im * im;
            if (power > best) {
                best = power;
                bestFrequency = f;
            }
        }
        return bestFrequency;
    }

    @Test
    void zeroNotesIsRejectedNamingTheSetting() {
        InvalidValueException e = assertThrows(
                InvalidValueException.class, () -> small(1).optNotes(0).build());
        assertEquals("notes", e.name());
        assertEquals(0, e.value());
    }

    @Test
    void negativeClipSecondsIsRejectedNamingTheSetting() {
        InvalidValueException e = assertThrows(
                InvalidValueException.class, () -> small(1).optClipSeconds(-0.5).build());
        assertEquals("clipSeconds", e.name());
        assertEquals(-0.5, e.value());
    }

    @Test
    void missingSeedIsRejectedNamingTheSetting() {
        InvalidValueException e = assertThrows(
                InvalidValueException.class, () -> SynthNotesSettings.builder().build());
        assertEquals("seed", e.name());
        assertTrue(e.getMessage().contains("setSeed"), e.getMessage());
    }

    @Test
    void tooFewNotesForEverySplitIsRejectedWithWhatToDo() {
        InvalidValueException e = assertThrows(
                InvalidValueException.class, () -> small(1).optNotes(3).build());
        assertEquals("notes", e.name());
        assertTrue(e.getMessage().contains("use more clips"), e.getMessage());
    }

    @Test
    void programOutsideGeneralMidiIsRejected() {
        InvalidValueException e = assertThrows(
                InvalidValueException.class, () -> small(1).optPrograms(0, 128).build());
        assertEquals("programs", e.name());
    }

    @Test
    void splitFractionsNotAddingUpToOneAreRejected() {
        InvalidValueException e =
                assertThrows(InvalidValueException.class, () -> small(1).optSplitFractions(0.7, 0.2, 0.2)
                        .build());
        assertEquals("splitFractions", e.name());
    }
}
