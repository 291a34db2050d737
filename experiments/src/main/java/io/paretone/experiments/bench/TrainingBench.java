package io.paretone.experiments.bench;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.pytorch.jni.JniUtils;
import io.paretone.evaluators.cost.ParameterCounter;
import io.paretone.evaluators.energy.DeviceSync;
import io.paretone.evaluators.energy.DjlDeviceSync;
import io.paretone.evaluators.training.BudgetedTrainer;
import io.paretone.evaluators.training.StepListener;
import io.paretone.evaluators.training.TrainingFailedException;
import io.paretone.spaces.Architecture;
import io.paretone.spaces.Sampler;
import io.paretone.spaces.check.Check;
import io.paretone.spaces.cost.LayerFlops;
import io.paretone.spaces.families.ModelFamilies;
import io.paretone.spaces.genome.Genome;
import io.paretone.spaces.runtime.DjlRuntime;
import io.paretone.spaces.training.ClipLabel;
import io.paretone.spaces.training.TrainingClip;
import io.paretone.spaces.training.TrainingData;
import io.paretone.spaces.training.TrainingRecipe;
import io.paretone.spaces.vae.VaeArchitecture;
import io.paretone.spaces.wavenet.WaveNetArchitecture;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Training speed against PyTorch eager: paretone's own {@link BudgetedTrainer}, with the families'
 * real blocks and losses, on the genomes of {@code torch_ref.py --sweep}, each timed in ms per
 * step beside the same model trained by {@code torch_ref.py} (native convolutions, torch's Adam) in
 * a subprocess of the same run on the same device. The throughput column is torch's ms / paretone's
 * ms: 1.00x or more means paretone trains as fast as plain PyTorch.
 *
 * <p>Both sides run {@code warmup} untimed steps, then {@code steps} timed ones, with the device
 * synchronised at both edges of the timed window. The data are seeded white noise (the speed of a
 * step does not depend on what the audio sounds like).
 *
 * <p>Each genome is measured in {@code rounds} rounds that alternate the two sides (paretone, then
 * torch, then paretone again...), and each column is the median of its rounds: on a shared host the
 * small, host-bound genomes' times drift by a quarter between runs of the same code, and one
 * measurement per side would compare one side's good moment with the other's bad one.
 */
public final class TrainingBench {
    /** The sweep of {@code torch_ref.py} (its {@code SWEEP} list), as paretone genomes. */
    public static final List<SweepGenome> SWEEP = List.of(
            wavenet(2, 2, 4, 8, 2, 8),
            wavenet(4, 4, 16, 32, 2, 8),
            wavenet(12, 6, 32, 128, 3, 32),
            wavenet(20, 10, 64, 128, 2, 32),
            wavenet(30, 10, 64, 256, 2, 1),
            wavenet(30, 10, 64, 256, 2, 64),
            vae("waveform", 3, 8, 5, 4, "1e-2", 8),
            vae("logmel", 4, 16, 5, 8, "1e-2", 8),
            vae("waveform", 6, 64, 9, 16, "1e-2", 32),
            vae("logmel", 8, 256, 15, 64, "0.1", 64));

    private static final String LEARNING_RATE = "1e-3";
    private static final int SAMPLE_RATE = 16_000;
    private static final int CLIPS = 32;
    private static final Pattern TORCH_MS = Pattern.compile("([0-9.]+) ms/step");
    private static final Pattern TORCH_PARAMS = Pattern.compile("trainable parameters: torch (\\d+)");

    /**
     * One genome of the sweep.
     *
     * @param family {@code wavenet} or {@code vae}
     * @param genes the family's architecture genes in paretone's {@code name=value} syntax
     * @param tinyGenes the same depth, kernel and crop at the narrowest widths, for smoke tests
     * @param batch the batch size of the sweep
     */
    public record SweepGenome(String family, String genes, String tinyGenes, int batch) {
        /** The genome at a batch size (the training-step gene is a placeholder: the bench sets the steps). */
        public Genome genome(boolean tiny, int batchSize) {
            return ModelFamilies.byName(family)
                    .space()
                    .parse((tiny ? tinyGenes : genes) + " training_steps=160" + " batch_size=" + batchSize
                            + " learning_rate=" + LEARNING_RATE);
        }
    }

    /**
     * How to run the bench.
     *
     * @param steps timed steps per genome, on each side
     * @param warmup untimed steps before them
     * @param batch the batch size of every genome, or 0 for the sweep's own
     * @param tiny the genomes at their narrowest widths (same depth and crop), for a smoke test on a CPU
     * @param torchRef {@code torch_ref.py}, or null for paretone's column only
     * @param python the Python interpreter that runs it
     * @param families the families to run, or empty for both
     * @param only run only the genomes whose row name (genome, then {@code batch=N}) contains this, or empty for all
     * @param rounds how many times each side is measured, alternately; each column is the median
     * @param torchArgs extra arguments for every torch_ref.py run (for example {@code --cudnn-benchmark})
     * @param traceDir where to write PyTorch's profiler trace of paretone's timed steps, one Chrome
     *     JSON file per genome and round, or null for none (the trace slows the steps it records)
     */
    public record Settings(
            Device device,
            int steps,
            int warmup,
            int batch,
            boolean tiny,
            Path torchRef,
            String python,
            List<String> families,
            String only,
            long seed,
            int rounds,
            List<String> torchArgs,
            Path traceDir) {
        public Settings {
            Check.positive("steps", steps);
            Check.positive("warmup", warmup);
            Check.positive("rounds", rounds);
            Check.atLeast("batch", batch, 0);
            families = List.copyOf(families);
            only = only == null ? "" : only;
            torchArgs = List.copyOf(torchArgs);
        }
    }

    /**
     * One row of the table.
     *
     * @param expectedParameters torch_ref.py's closed form for this genome
     * @param paretoneRounds ms per step of each round, empty if paretone failed
     * @param torchRounds ms per step of torch_ref.py in each round, empty if not run or failed
     * @param torchParameters the count torch_ref.py printed, -1 if not run
     * @param note why a column is missing, empty otherwise
     */
    public record Row(
            String genome,
            int batch,
            int crop,
            long parameters,
            long expectedParameters,
            List<Double> paretoneRounds,
            List<Double> torchRounds,
            long torchParameters,
            String note) {
        public Row {
            paretoneRounds = List.copyOf(paretoneRounds);
            torchRounds = List.copyOf(torchRounds);
        }

        /** paretone's ms per step: the median of its rounds, NaN if it failed. */
        public double paretoneMs() {
            return median(paretoneRounds);
        }

        /** torch_ref.py's ms per step: the median of its rounds, NaN if not measured. */
        public double torchMs() {
            return median(torchRounds);
        }

        /** paretone's throughput relative to PyTorch eager: torch's ms / paretone's ms. */
        public double throughput() {
            return torchMs() / paretoneMs();
        }
    }

    /** The median of some values (the mean of the middle two for an even count), NaN for none. */
    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int m = v.length / 2;
        return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
    }

    private TrainingBench() {}

    private static SweepGenome wavenet(int layers, int cycle, int residual, int skip, int kernel, int batch) {
        String genes = "layers=%d dilation_cycle=%d residual_channels=%d skip_channels=%d kernel_size=%d";
        return new SweepGenome(
                "wavenet",
                String.format(genes, layers, cycle, residual, skip, kernel),
                String.format(genes, layers, cycle, 4, 8, kernel),
                batch);
    }

    private static SweepGenome vae(
            String reconstruction, int layers, int channels, int kernel, int latent, String klWeight, int batch) {
        String genes = "reconstruction=%s layers=%d channels=%d kernel_size=%d latent=%d kl_weight=%s";
        return new SweepGenome(
                "vae",
                String.format(genes, reconstruction, layers, channels, kernel, latent, klWeight),
                String.format(genes, reconstruction, layers, 4, kernel, 2, klWeight),
                batch);
    }

    /** Runs every selected genome, printing each row as it is measured; returns the rows. */
    public static List<Row> run(Settings settings, PrintWriter out) {
        String torchProblem = settings.torchRef() == null ? "no --torch-ref given" : torchProblem(settings);
        out.printf(
                "paretone bench training: %s%s, %d warm-up + %d timed steps per genome and round, %d round(s)"
                        + " alternating the two sides (medians shown), seed %d%s; PyTorch eager: %s%n",
                settings.device(),
                settings.device().isGpu()
                        ? " (cuDNN autotuner " + (DjlRuntime.cudnnBenchmark() ? "on" : "off") + ")"
                        : "",
                settings.warmup(),
                settings.steps(),
                settings.rounds(),
                settings.seed(),
                settings.tiny() ? ", tiny widths" : "",
                torchProblem == null
                        ? settings.torchRef() + " (native convolutions, torch's Adam"
                                + (settings.torchArgs().isEmpty() ? "" : ", " + String.join(" ", settings.torchArgs()))
                                + ")"
                        : "not measured (" + torchProblem + ")");
        String header = String.format(
                "%-36s %5s %6s %10s %12s %12s %10s",
                "genome", "batch", "crop", "params", "paretone ms", "torch ms", "throughput");
        out.println(header);
        out.println("-".repeat(header.length()));
        List<Row> rows = new ArrayList<>();
        for (SweepGenome g : SWEEP) {
            if (!settings.families().isEmpty() && !settings.families().contains(g.family())) {
                continue;
            }
            int batch = settings.batch() > 0 ? settings.batch() : g.batch();
            Architecture arch = ModelFamilies.byName(g.family()).decode(g.genome(settings.tiny(), batch));
            if (!(describe(arch) + " batch=" + batch).contains(settings.only())) {
                continue;
            }
            Row row = measure(arch, batch, settings, torchProblem == null);
            rows.add(row);
            out.println(format(row));
            out.flush();
        }
        double logSum = 0;
        int compared = 0;
        for (Row r : rows) {
            if (Double.isFinite(r.throughput())) {
                logSum += Math.log(r.throughput());
                compared++;
            }
        }
        if (compared > 0) {
            out.printf(
                    "geometric mean throughput over %d genomes: %.2fx (>= 1.00x: paretone as fast as PyTorch eager)%n",
                    compared, Math.exp(logSum / compared));
        }
        return rows;
    }

    static String format(Row r) {
        String line = String.format(
                Locale.ROOT,
                "%-36s %5d %6d %10d %12s %12s %10s",
                r.genome(),
                r.batch(),
                r.crop(),
                r.parameters(),
                ms(r.paretoneMs()),
                ms(r.torchMs()),
                Double.isFinite(r.throughput()) ? String.format(Locale.ROOT, "%.2fx", r.throughput()) : "-");
        if (r.parameters() != r.expectedParameters()) {
            line += "  (torch_ref's formula: " + r.expectedParameters() + "!)";
        }
        if (r.torchParameters() >= 0 && r.torchParameters() != r.parameters()) {
            line += "  (torch counts " + r.torchParameters() + "!)";
        }
        if (r.paretoneRounds().size() > 1 || r.torchRounds().size() > 1) {
            line += "  rounds: paretone " + rounds(r.paretoneRounds()) + ", torch " + rounds(r.torchRounds());
        }
        return r.note().isEmpty() ? line : line + "  " + r.note();
    }

    private static String rounds(List<Double> values) {
        return values.isEmpty()
                ? "-"
                : String.join("/", values.stream().map(TrainingBench::ms).toList());
    }

    private static String ms(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : "-";
    }

    private static Row measure(Architecture arch, int batch, Settings settings, boolean withTorch) {
        long expected = expectedParameters(arch);
        String note = "";
        List<Double> paretoneRounds = new ArrayList<>();
        List<Double> torchRounds = new ArrayList<>();
        long parameters = -1;
        long torchParameters = -1;
        boolean paretoneFailed = false;
        boolean torchFailed = !withTorch;
        for (int round = 0; round < settings.rounds() && !(paretoneFailed && torchFailed); round++) {
            if (!paretoneFailed) {
                try {
                    Timed timed = train(arch, settings);
                    paretoneRounds.add(timed.ms);
                    parameters = timed.parameters;
                } catch (TrainingFailedException | IOException | RuntimeException e) {
                    note = "paretone failed: " + firstLine(e.getMessage());
                    paretoneRounds.clear();
                    paretoneFailed = true;
                }
            }
            if (!torchFailed) {
                try {
                    String output = runTorch(arch, batch, settings);
                    Matcher ms = TORCH_MS.matcher(output);
                    Matcher count = TORCH_PARAMS.matcher(output);
                    if (ms.find() && count.find()) {
                        torchRounds.add(Double.parseDouble(ms.group(1)));
                        torchParameters = Long.parseLong(count.group(1));
                    } else {
                        note = (note + " torch_ref failed: " + lastLine(output)).trim();
                        torchFailed = true;
                    }
                } catch (IOException e) {
                    note = (note + " torch_ref failed: " + e.getMessage()).trim();
                    torchFailed = true;
                }
                if (torchFailed) {
                    torchRounds.clear();
                }
            }
        }
        return new Row(
                describe(arch),
                batch,
                crop(arch),
                parameters,
                expected,
                paretoneRounds,
                torchRounds,
                torchParameters,
                note);
    }

    private record Timed(double ms, long parameters) {}

    /** Trains with paretone's trainer; the clock runs from the end of the warm-up to the last step. */
    private static Timed train(Architecture arch, Settings settings) throws TrainingFailedException, IOException {
        DjlRuntime.engine().setRandomSeed((int) settings.seed());
        DeviceSync sync = DjlDeviceSync.of(settings.device());
        Architecture steps = new WithSteps(arch, settings.warmup() + settings.steps());
        long[] start = new long[1];
        StepListener clock = new StepListener() {
            @Override
            public boolean needsLossAt(int step, int total) {
                return step == settings.warmup();
            }

            @Override
            public void onStep(int step, int total, double loss) {
                if (step == settings.warmup()) {
                    sync.await();
                    if (settings.traceDir() != null) {
                        JniUtils.startProfile(settings.device().isGpu(), false, false);
                    }
                    start[0] = System.nanoTime();
                }
            }
        };
        try (Model model = Model.newInstance("bench", settings.device());
                BudgetedTrainer trainer = new BudgetedTrainer()) {
            Block block = arch.newBlock();
            model.setBlock(block);
            trainer.train(model, steps, noise(settings.seed()), settings.seed(), clock);
            sync.await();
            double ms = (System.nanoTime() - start[0]) / 1e6 / settings.steps();
            if (settings.traceDir() != null) {
                Files.createDirectories(settings.traceDir());
                Path file = settings.traceDir()
                        .resolve(describe(arch).replaceAll("[^A-Za-z0-9=]+", "_") + "-" + System.nanoTime() + ".json");
                JniUtils.stopProfile(file.toString());
            }
            return new Timed(ms, ParameterCounter.trainable(block));
        }
    }

    /** Seeded white noise in [-1, 1): one-second clips at 16 kHz. */
    private static TrainingData noise(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<TrainingClip> clips = new ArrayList<>();
        for (int c = 0; c < CLIPS; c++) {
            float[] x = new float[SAMPLE_RATE];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) (2 * random.nextDouble() - 1);
            }
            clips.add(new TrainingClip(x, new ClipLabel(0, ClipLabel.NO_PITCH)));
        }
        return new TrainingData(SAMPLE_RATE, clips, 1);
    }

    /** torch_ref.py's closed form of the trainable parameters (its docstring). */
    public static long expectedParameters(Architecture arch) {
        if (arch instanceof WaveNetArchitecture w) {
            long r = w.residualChannels();
            long s = w.skipChannels();
            long k = w.kernelSize();
            long perLayer = 2 * (k * r * r + r) + (r * r + r) + (s * r + s);
            return 256 * r + w.layers() * perLayer + (s * s + s) + (256 * s + 256);
        }
        VaeArchitecture v = (VaeArchitecture) arch;
        long c = v.channels();
        long k = v.kernelSize();
        long z = v.latent();
        long encoder = (k * c + c) + (v.layers() - 1) * (k * c * c + c) + (2 * z * c + 2 * z);
        long decoder = (z * c + c) + v.layers() * (k * c * c + c) + (k * c + 1);
        return encoder + decoder;
    }

    /** The genome as torch_ref.py's sweep names it, so rows of both tables can be matched. */
    static String describe(Architecture arch) {
        if (arch instanceof WaveNetArchitecture w) {
            return String.format(
                    "wavenet L=%d cyc=%d R=%d S=%d k=%d",
                    w.layers(), w.dilationCycle(), w.residualChannels(), w.skipChannels(), w.kernelSize());
        }
        VaeArchitecture v = (VaeArchitecture) arch;
        return String.format(
                "vae L=%d C=%d k=%d Z=%d %s",
                v.layers(), v.channels(), v.kernelSize(), v.latent(), v.logMelReconstruction() ? "logm" : "wave");
    }

    private static int crop(Architecture arch) {
        return arch instanceof WaveNetArchitecture w ? w.cropLength() : ((VaeArchitecture) arch).cropLength();
    }

    /** The torch_ref.py command line that builds and trains the same model. */
    static List<String> torchCommand(Architecture arch, int batch, Settings settings) {
        List<String> c =
                new ArrayList<>(List.of(settings.python(), settings.torchRef().toString()));
        if (arch instanceof WaveNetArchitecture w) {
            c.addAll(List.of(
                    "--family",
                    "wavenet",
                    "--layers",
                    "" + w.layers(),
                    "--dilation-cycle",
                    "" + w.dilationCycle(),
                    "--residual",
                    "" + w.residualChannels(),
                    "--skip",
                    "" + w.skipChannels(),
                    "--kernel",
                    "" + w.kernelSize()));
        } else {
            VaeArchitecture v = (VaeArchitecture) arch;
            c.addAll(List.of(
                    "--family",
                    "vae",
                    "--layers",
                    "" + v.layers(),
                    "--channels",
                    "" + v.channels(),
                    "--kernel",
                    "" + v.kernelSize(),
                    "--latent",
                    "" + v.latent(),
                    "--reconstruction",
                    v.logMelReconstruction() ? "logmel" : "waveform",
                    "--kl-weight",
                    "" + v.klWeight()));
        }
        Device d = settings.device();
        c.addAll(List.of(
                "--batch",
                "" + batch,
                "--lr",
                LEARNING_RATE,
                "--steps",
                "" + settings.steps(),
                "--warmup",
                "" + settings.warmup(),
                "--seed",
                "" + settings.seed(),
                "--device",
                d.isGpu() ? "cuda:" + d.getDeviceId() : "cpu"));
        c.addAll(settings.torchArgs());
        return c;
    }

    private static String runTorch(Architecture arch, int batch, Settings settings) throws IOException {
        return exec(torchCommand(arch, batch, settings));
    }

    /** Why torch_ref.py cannot run here, or null when it can. */
    private static String torchProblem(Settings settings) {
        if (!settings.torchRef().toFile().isFile()) {
            return settings.torchRef() + " is not a file";
        }
        try {
            String out = exec(List.of(settings.python(), "-c", "import torch; print('torch', torch.__version__)"));
            return out.startsWith("torch ") ? null : settings.python() + " cannot import torch: " + lastLine(out);
        } catch (IOException e) {
            return "cannot run " + settings.python() + ": " + e.getMessage();
        }
    }

    private static String exec(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroy();
            }
            return out.trim();
        } catch (InterruptedException e) {
            p.destroy();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }

    private static String lastLine(String s) {
        List<String> lines = s.lines().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "(no output)" : lines.get(lines.size() - 1);
    }

    /** An architecture trained for a given number of steps instead of its genome's. */
    private record WithSteps(Architecture inner, int steps) implements Architecture {
        @Override
        public Genome genome() {
            return inner.genome();
        }

        @Override
        public String describe() {
            return inner.describe();
        }

        @Override
        public Block newBlock() {
            return inner.newBlock();
        }

        @Override
        public Shape[] inputShapes(int batchSize) {
            return inner.inputShapes(batchSize);
        }

        @Override
        public Sampler sampler() {
            return inner.sampler();
        }

        @Override
        public TrainingRecipe trainingRecipe() {
            TrainingRecipe r = inner.trainingRecipe();
            return new TrainingRecipe(steps, r.groups(), r.updates(), r.reported());
        }

        @Override
        public long generationFlopsPerUnit(Block block, LayerFlops counter, int sampleRate) {
            return inner.generationFlopsPerUnit(block, counter, sampleRate);
        }
    }
}
