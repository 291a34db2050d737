package io.paretone.evaluators.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.paretone.spaces.check.InvalidValueException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpokenDigitsDatasetTest {
    private static final ExecutableLookup NOTHING_INSTALLED = program -> Optional.empty();

    @TempDir
    Path cache;

    /** 20 clips of 0.5 s: two of each digit. */
    private static SpokenDigitsSettings.Builder small(String engine) {
        return SpokenDigitsSettings.builder()
                .setSeed(5)
                .optClips(20)
                .optClipSeconds(0.5)
                .optEngine(engine);
    }

    private static boolean installed(String program) {
        return ExecutableLookup.onPath().find(program).isPresent();
    }

    private static List<AudioClip> all(AudioSplits splits) {
        List<AudioClip> clips = new ArrayList<>(splits.train());
        clips.addAll(splits.validation());
        clips.addAll(splits.test());
        return clips;
    }

    @Test
    void withoutAnySynthesiserTheMessageNamesThePackagesToInstall() {
        InvalidValueException e = assertThrows(
                InvalidValueException.class,
                () -> new SpokenDigitsDataset(small("auto").build(), NOTHING_INSTALLED));
        assertEquals("dataset.kind", e.name());
        assertTrue(e.getMessage().contains("apt-get install espeak-ng"), e.getMessage());
        assertTrue(e.getMessage().contains("apt-get install flite"), e.getMessage());
    }

    @Test
    void aNamedEngineThatIsMissingIsNamedWithItsPackage() {
        ExecutableLookup onlyEspeak =
                program -> program.equals("espeak-ng") ? Optional.of(Path.of("/bin/true")) : Optional.empty();
        InvalidValueException e = assertThrows(
                InvalidValueException.class,
                () -> new SpokenDigitsDataset(small("flite").build(), onlyEspeak));
        assertEquals("dataset.engine", e.name());
        assertTrue(e.getMessage().contains("apt-get install flite"), e.getMessage());
    }

    @Test
    void autoPrefersEspeakNgThenFlite() {
        ExecutableLookup onlyFlite =
                program -> program.equals("flite") ? Optional.of(Path.of("/usr/bin/flite")) : Optional.empty();
        assertEquals("flite", new SpokenDigitsDataset(small("auto").build(), onlyFlite).engine());
        ExecutableLookup both = program -> Optional.of(Path.of("/usr/bin/" + program));
        assertEquals("espeak-ng", new SpokenDigitsDataset(small("auto").build(), both).engine());
    }

    @Test
    void utterancesTakeTheDigitsInTurnWithinTheDrawnRanges() {
        SpokenDigitsSettings settings =
                small("auto").optPitchRange(0.3, 0.4).optRateRange(0.9, 1.1).build();
        ExecutableLookup both = program -> Optional.of(Path.of("/usr/bin/" + program));
        List<SpokenDigitsDataset.Utterance> utterances =
                new SpokenDigitsDataset(settings, both).drawUtterances(List.of("a", "b"), new SplittableRandom(1));
        assertEquals(20, utterances.size());
        for (int i = 0; i < utterances.size(); i++) {
            SpokenDigitsDataset.Utterance u = utterances.get(i);
            assertEquals(SpokenDigitsDataset.WORDS.get(i % 10), u.word());
            assertTrue(u.pitch() >= 0.3 && u.pitch() <= 0.4 && u.rate() >= 0.9 && u.rate() <= 1.1, u.toString());
            assertTrue(Set.of("a", "b").contains(u.voice()));
        }
    }

    @Test
    void leadingSilenceIsCutKeepingTenMilliseconds() {
        float[] x = new float[1000];
        x[500] = 0.8f;
        x[700] = -0.5f;
        float[] cut = SpokenDigitsDataset.withoutLeadingSilence(x, 16_000);
        // The onset at 500 minus 0.01 s x 16 kHz = 160 samples: from 340 on.
        assertEquals(1000 - 340, cut.length);
        assertEquals(0.8f, cut[160]);
    }

    @Test
    void espeakNgSaysEveryDigitDeterministically() throws IOException {
        assumeTrue(installed("espeak-ng"), "espeak-ng is not installed (apt-get install espeak-ng)");
        checkSynthesis("espeak-ng");
    }

    @Test
    void fliteSaysEveryDigitDeterministically() throws IOException {
        assumeTrue(installed("flite"), "flite is not installed (apt-get install flite)");
        checkSynthesis("flite");
    }

    private void checkSynthesis(String engine) throws IOException {
        SpokenDigitsDataset dataset = new SpokenDigitsDataset(small(engine).build());
        AudioSplits splits = dataset.load(cache);
        assertEquals(20, dataset.synthesisedClips());

        Set<String> digits = new TreeSet<>();
        for (AudioClip clip : all(splits)) {
            digits.add(clip.labels().get(SpokenDigitsDataset.DIGIT));
            assertEquals(8000, clip.samples().length, "0.5 s at 16 kHz");
            float peak = 0;
            for (float v : clip.samples()) {
                peak = Math.max(peak, Math.abs(v));
            }
            assertEquals(SpokenDigitsDataset.PEAK, peak, 1e-6f, clip.label());
        }
        assertEquals(new TreeSet<>(SpokenDigitsDataset.WORDS), digits);

        SpokenDigitsDataset fresh = new SpokenDigitsDataset(small(engine).build());
        AudioSplits again = fresh.load(cache.resolve("other"));
        assertEquals(20, fresh.synthesisedClips(), "synthesised again in another cache");
        assertEquals(splits.contentHash(), again.contentHash(), "the same clips bit for bit");
        assertArrayEquals(splits.train().get(0).samples(), again.train().get(0).samples());

        SpokenDigitsDataset cached = new SpokenDigitsDataset(small(engine).build());
        assertEquals(splits.contentHash(), cached.load(cache).contentHash());
        assertEquals(0, cached.synthesisedClips(), "read from the cache");
    }

    @Test
    void unknownFliteVoiceIsRejectedWithTheVoicesThereAre() {
        assumeTrue(installed("flite"), "flite is not installed (apt-get install flite)");
        SpokenDigitsDataset dataset = new SpokenDigitsDataset(
                small("flite").optVoices(List.of("nosuchvoice")).build());
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> dataset.load(cache));
        assertTrue(e.getMessage().contains("slt"), e.getMessage());
    }

    @Test
    void unknownEspeakVoiceFailsSayingWhatToCheck() {
        assumeTrue(installed("espeak-ng"), "espeak-ng is not installed (apt-get install espeak-ng)");
        SpokenDigitsDataset dataset = new SpokenDigitsDataset(
                small("espeak-ng").optVoices(List.of("nosuchvoice")).build());
        IOException e = assertThrows(IOException.class, () -> dataset.load(cache));
        assertTrue(e.getMessage().contains("dataset.voices"), e.getMessage());
    }
}
