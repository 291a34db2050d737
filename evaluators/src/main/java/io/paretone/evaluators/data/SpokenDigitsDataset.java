package io.paretone.evaluators.data;

import io.paretone.evaluators.audio.WavFiles;
import io.paretone.spaces.check.Check;
import io.paretone.spaces.check.InvalidValueException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code digits} dataset: SC09-like spoken digits "zero" to "nine" (label facet
 * {@value #DIGIT}), said by a text-to-speech program run as a separate process, eSpeak NG or Flite,
 * with voice, pitch and rate drawn per clip from the seed. Leading silence is cut, then each clip is
 * resampled, cut or zero-padded to the clip length and peak-normalised to {@value #PEAK}.
 *
 * <p>Both programs are deterministic for the same arguments, so the same settings and program
 * version give the same clips; the version is part of the cache key and recorded in the cache's
 * metadata. When no program is installed, construction fails with a message naming the Debian
 * packages to install.
 */
public final class SpokenDigitsDataset implements AudioDataset {
    /** The name of this kind of dataset, as {@code dataset.kind} gives it. */
    public static final String NAME = "digits";
    /** The label facet: the digit's word. */
    public static final String DIGIT = "digit";

    /** The words said, in turn. */
    public static final List<String> WORDS =
            List.of("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine");

    /** What the loudest sample of every clip is scaled to. */
    public static final float PEAK = 0.9f;

    private static final List<SpeechEngine> ENGINES = List.of(new EspeakNg(), new Flite());
    /** A sample louder than this fraction of the clip's peak ends the leading silence. */
    private static final double ONSET_FRACTION = 0.02;
    /** How much audio before that onset is kept, in seconds. */
    private static final double ONSET_MARGIN_SECONDS = 0.01;

    private static final long PROCESS_TIMEOUT_SECONDS = 60;
    private static final Logger LOG = LoggerFactory.getLogger(SpokenDigitsDataset.class);

    private final SpokenDigitsSettings settings;
    private final SpeechEngine engine;
    private final Path executable;
    private final AtomicInteger synthesised = new AtomicInteger();

    /**
     * The dataset for these settings, with the engine they name found on the PATH.
     *
     * @throws InvalidValueException if that engine (or, for {@code auto}, any engine) is not installed
     */
    public SpokenDigitsDataset(SpokenDigitsSettings settings) {
        this(settings, ExecutableLookup.onPath());
    }

    SpokenDigitsDataset(SpokenDigitsSettings settings, ExecutableLookup lookup) {
        this.settings = Check.notNull("settings", settings);
        for (SpeechEngine candidate : ENGINES) {
            if (settings.engine().equals("auto") || settings.engine().equals(candidate.program())) {
                Optional<Path> found = lookup.find(candidate.program());
                if (found.isPresent()) {
                    this.engine = candidate;
                    this.executable = found.get();
                    return;
                }
            }
        }
        if (settings.engine().equals("auto")) {
            throw new InvalidValueException(
                    "dataset.kind",
                    NAME,
                    "needs a speech synthesiser, and neither espeak-ng nor flite is on the PATH; install one "
                            + "(Debian/Ubuntu: sudo apt-get install espeak-ng, or: sudo apt-get install flite) "
                            + "or choose another dataset");
        }
        SpeechEngine named = ENGINES.stream()
                .filter(e -> e.program().equals(settings.engine()))
                .findFirst()
                .orElseThrow();
        throw new InvalidValueException(
                "dataset.engine",
                settings.engine(),
                "is not on the PATH; install it " + "(Debian/Ubuntu: sudo apt-get install " + named.debianPackage()
                        + ") or use engine: auto");
    }

    @Override
    public String name() {
        return NAME;
    }

    public SpokenDigitsSettings settings() {
        return settings;
    }

    /** The program that says the digits, such as {@code espeak-ng}. */
    public String engine() {
        return engine.program();
    }

    /** How many clips this instance has synthesised; cache reads synthesise none. */
    int synthesisedClips() {
        return synthesised.get();
    }

    @Override
    public AudioSplits load(Path cacheDir) throws IOException {
        // Flite prints its version and exits with 1, so only the output counts here.
        String version = run(engine.versionArguments(), false).strip().replaceAll("\\s+", " ");
        List<String> voices = voices();
        String key = settings.canonical() + ";program=" + engine.program() + " " + version + ";voicesUsed=" + voices;
        Path folder = SplitsCache.folder(cacheDir, name(), key);
        if (SplitsCache.exists(folder)) {
            return SplitsCache.read(folder, key, name(), settings.sampleRate());
        }
        SplittableRandom root = new SplittableRandom(settings.seed());
        List<Utterance> utterances = drawUtterances(voices, root.split());
        SplittableRandom splitRandom = root.split();

        long start = System.nanoTime();
        Path scratch = Files.createTempDirectory("paretone-digits-");
        List<AudioClip> clips;
        try {
            clips = IntStream.range(0, utterances.size())
                    .parallel()
                    .mapToObj(i -> say(utterances.get(i), scratch.resolve("clip-" + i + ".wav")))
                    .toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            AtomicFolder.deleteQuietly(scratch);
        }
        LOG.info(
                "Synthesised {} digits with {} in {} s",
                clips.size(),
                version,
                String.format("%.2f", (System.nanoTime() - start) / 1e9));
        AudioSplits splits = Splitter.split(name(), settings.sampleRate(), clips, settings.fractions(), splitRandom);
        SplitsCache.write(folder, splits, key, Map.of("program", executable + " " + version));
        return splits;
    }

    /** One clip to say. */
    record Utterance(String word, String voice, double pitch, double rate) {}

    /** The words in turn, voice, pitch and rate drawn uniformly. */
    List<Utterance> drawUtterances(List<String> voices, SplittableRandom random) {
        List<Utterance> out = new ArrayList<>(settings.clips());
        for (int i = 0; i < settings.clips(); i++) {
            String voice = voices.get(random.nextInt(voices.size()));
            double pitch = settings.lowPitch() + (settings.highPitch() - settings.lowPitch()) * random.nextDouble();
            double rate = settings.lowRate() + (settings.highRate() - settings.lowRate()) * random.nextDouble();
            out.add(new Utterance(WORDS.get(i % WORDS.size()), voice, pitch, rate));
        }
        return out;
    }

    private List<String> voices() throws IOException {
        List<String> voices = settings.voices().isEmpty() ? engine.defaultVoices() : settings.voices();
        if (!engine.listVoicesArguments().isEmpty()) {
            List<String> installed = engine.parseVoices(run(engine.listVoicesArguments(), true));
            for (String voice : voices) {
                if (!installed.contains(voice)) {
                    throw new InvalidValueException(
                            "dataset.voices",
                            voice,
                            "is not a voice of " + engine.program() + "; choose from " + installed);
                }
            }
        }
        return voices;
    }

    private AudioClip say(Utterance u, Path wav) {
        try {
            List<String> arguments = engine.sayArguments(u.word(), u.voice(), u.pitch(), u.rate(), wav);
            run(arguments, true);
            WavFiles.Wav audio = WavFiles.read(wav);
            float[] speech = withoutLeadingSilence(audio.samples(), audio.sampleRate());
            float[] shaped =
                    new ClipShaper(settings.sampleRate(), settings.clipFrames()).shape(speech, audio.sampleRate());
            synthesised.incrementAndGet();
            return new AudioClip(normalise(shaped, u), Map.of(DIGIT, u.word()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** From a little before the first sample above {@value #ONSET_FRACTION} of the peak. */
    static float[] withoutLeadingSilence(float[] samples, int sampleRate) {
        float peak = 0;
        for (float x : samples) {
            peak = Math.max(peak, Math.abs(x));
        }
        int onset = 0;
        while (onset < samples.length && Math.abs(samples[onset]) < ONSET_FRACTION * peak) {
            onset++;
        }
        int from = Math.max(0, onset - (int) Math.round(ONSET_MARGIN_SECONDS * sampleRate));
        return Arrays.copyOfRange(samples, Math.min(from, samples.length), samples.length);
    }

    private static float[] normalise(float[] samples, Utterance u) throws IOException {
        float peak = 0;
        for (float x : samples) {
            peak = Math.max(peak, Math.abs(x));
        }
        if (!(peak > 1e-4f) || Float.isInfinite(peak)) {
            throw new IOException("Saying " + u + " gave " + (peak > 1e-4f ? "non-finite" : "silent")
                    + " audio; choose other voices, pitches or rates.");
        }
        float scale = PEAK / peak;
        for (int i = 0; i < samples.length; i++) {
            samples[i] *= scale;
        }
        return samples;
    }

    /** Runs the engine with these arguments and returns what it printed; a failure exit is an error if {@code checkExit}. */
    private String run(List<String> arguments, boolean checkExit) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(PROCESS_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(
                        String.join(" ", command) + " did not finish within " + PROCESS_TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + engine.program(), e);
        }
        if (checkExit && process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed (exit " + process.exitValue() + "): "
                    + output.strip() + "; check dataset.voices.");
        }
        return output;
    }
}
