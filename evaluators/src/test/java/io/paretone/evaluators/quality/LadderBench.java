package io.paretone.evaluators.quality;

import io.paretone.evaluators.data.AudioSplits;
import io.paretone.evaluators.data.GeneratedBanks;
import io.paretone.evaluators.data.SynthNotesDataset;
import io.paretone.evaluators.data.SynthNotesSettings;
import io.paretone.evaluators.data.image.ImageSplits;
import io.paretone.evaluators.data.image.RenderedDigitsDataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Benchmark, not a test: how robust the quality proxies' ladders of plausible failures
 * ({@link Ladders}) are across seeds, at the CI tests' sizes (the image proxy as a study builds it, {@link Ladders#imageData}). Each case draws its own data (the
 * notes' seed and Gervill's generated bank; the digits' seed), its own judge (seed) and its own
 * noise anchor, and scores several ladders built from their own seeds. It prints, per rung, the
 * spread of the bounded %MOS over every (case, ladder) and the share of them where the rung keeps
 * its place ({@link Ladder.Verdict}), then the share of ladders that hold throughout.
 *
 * <p>Case {@code c} uses data seed {@code 1000 + c}, judge seed {@code 2000 + c}, bank seed
 * {@code 3000 + c} and ladder seeds {@code 10 c + 1 ... 10 c + ladders}: none is a seed of the CI
 * tests. Run with {@code mvn -B -q -pl evaluators -am -Pladder-bench -DskipTests verify}
 * ({@code -Dladder.cases=5 -Dladder.ladders=3 -Dladder.first=1}).
 */
public final class LadderBench {
    private static final int CLIPS = 16;
    private static final int CLIP_SAMPLES = 4000;
    private static final int IMAGES = 60;
    private static final int AUDIO_JUDGE_STEPS = 150;

    private LadderBench() {}

    public static void main(String[] args) throws IOException {
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int ladders = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int first = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        String domains = args.length > 3 ? args[3] : "both";
        if (cases < 1
                || ladders < 1
                || ladders > 9
                || !List.of("audio", "image", "both").contains(domains)) {
            System.err.println(
                    "usage: LadderBench [cases >= 1] [ladders per case, 1-9] [first case] [audio|image|both]");
            System.exit(2);
        }
        Path root = Files.createTempDirectory("paretone-ladder-bench-");
        long start = System.nanoTime();
        System.out.printf(
                Locale.ROOT,
                "paretone ladder bench: cases %d-%d, %d ladders each, %d cores%n",
                first,
                first + cases - 1,
                ladders,
                Runtime.getRuntime().availableProcessors());
        Tally audio = new Tally("audio");
        Tally image = new Tally("image");
        for (int c = first; c < first + cases; c++) {
            Path cache = Files.createDirectories(root.resolve("case-" + c));
            if (!domains.equals("image")) {
                audioCase(c, ladders, cache, audio);
            }
            if (!domains.equals("audio")) {
                imageCase(c, ladders, cache, image);
            }
        }
        if (!domains.equals("image")) {
            audio.print();
        }
        if (!domains.equals("audio")) {
            image.print();
        }
        System.out.printf(Locale.ROOT, "%nbench took %.0f s%n", (System.nanoTime() - start) / 1e9);
    }

    private static void audioCase(int c, int ladders, Path cache, Tally audio) throws IOException {
        long start = System.nanoTime();
        GeneratedBanks.save(cache, 3000 + c);
        SynthNotesDataset notes = new SynthNotesDataset(SynthNotesSettings.builder()
                .setSeed(1000 + c)
                .optNotes(96)
                .optPrograms(0, 73, 56)
                .build());
        AudioSplits data = notes.load(cache);
        JudgeQualityProxy proxy = JudgeQualityProxy.calibrate(
                data,
                CLIPS,
                CLIP_SAMPLES,
                2000 + c,
                cache,
                JudgeSettings.builder()
                        .setSeed(2000 + c)
                        .optSteps(AUDIO_JUDGE_STEPS)
                        .build());
        System.out.printf(
                Locale.ROOT, "case %d audio (bank %s, seed %d): %s%n", c, notes.bank(), 3000 + c, proxy.description());
        for (int l = 1; l <= ladders; l++) {
            long seed = 10L * c + l;
            audio.add(c, seed, Ladders.audio(data, CLIPS, CLIP_SAMPLES, seed).verdict(r -> proxy.score(r.examples())));
        }
        proxy.judge().close();
        System.out.printf(Locale.ROOT, "case %d audio took %.0f s%n", c, (System.nanoTime() - start) / 1e9);
    }

    private static void imageCase(int c, int ladders, Path cache, Tally image) throws IOException {
        long start = System.nanoTime();
        ImageSplits digits = new RenderedDigitsDataset(Ladders.imageData(1000 + c)).load(cache.resolve("digits"));
        ImageQualityProxy imageProxy =
                ImageQualityProxy.calibrate(digits, IMAGES, ImageQualityProxy.JUDGE_STEPS, 2000 + c);
        System.out.printf(Locale.ROOT, "case %d image: %s%n", c, imageProxy.description());
        for (int l = 1; l <= ladders; l++) {
            long seed = 10L * c + l;
            image.add(c, seed, Ladders.image(digits, IMAGES, seed, cache).verdict(r -> imageProxy.score(r.examples())));
        }
        System.out.printf(Locale.ROOT, "case %d image took %.0f s%n", c, (System.nanoTime() - start) / 1e9);
    }

    /** The verdicts of one domain's ladders, per rung. */
    private static final class Tally {
        private final String domain;
        private final Map<String, List<Double>> scores = new LinkedHashMap<>();
        private final Map<String, Integer> held = new LinkedHashMap<>();
        private final List<String> failures = new ArrayList<>();
        private int ladders;
        private int whole;

        Tally(String domain) {
            this.domain = domain;
        }

        void add(int c, long seed, Ladder.Verdict verdict) {
            if (System.getenv("LADDER_TABLES") != null) {
                System.out.printf(Locale.ROOT, "%s case %d ladder %d%n%s", domain, c, seed, verdict.table());
            }
            ladders++;
            whole += verdict.holds() ? 1 : 0;
            if (!verdict.holds()) {
                failures.add(String.format(
                        Locale.ROOT,
                        "case %d ladder %d: %s%n%s",
                        c,
                        seed,
                        String.join("; ", verdict.failures()),
                        verdict.table()));
            }
            for (Ladder.Scored s : verdict.rungs()) {
                String key = s.rung().tier() + " | " + s.rung().name();
                scores.computeIfAbsent(key, k -> new ArrayList<>())
                        .add(s.score().percentMos());
                held.merge(key, s.holds() ? 1 : 0, Integer::sum);
            }
        }

        void print() {
            System.out.printf(Locale.ROOT, "%n%s: %d of %d ladders hold throughout%n", domain, whole, ladders);
            System.out.println("| tier | set | %MOS min | median | max | keeps its place |");
            System.out.println("|---|---|---|---|---|---|");
            for (Map.Entry<String, List<Double>> e : scores.entrySet()) {
                List<Double> v = e.getValue().stream().sorted().toList();
                double median =
                        v.size() % 2 == 1 ? v.get(v.size() / 2) : (v.get(v.size() / 2 - 1) + v.get(v.size() / 2)) / 2;
                System.out.printf(
                        Locale.ROOT,
                        "| %s | %.3f | %.3f | %.3f | %d/%d |%n",
                        e.getKey(),
                        v.get(0),
                        median,
                        v.get(v.size() - 1),
                        held.get(e.getKey()),
                        v.size());
            }
            failures.forEach(f -> System.out.println("  " + f));
        }
    }
}
