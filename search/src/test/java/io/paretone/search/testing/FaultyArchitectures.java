package io.paretone.search.testing;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import io.paretone.spaces.Architecture;
import io.paretone.spaces.Sampler;
import io.paretone.spaces.cost.LayerFlops;
import io.paretone.spaces.families.ModelFamilies;
import io.paretone.spaces.genome.Genome;
import io.paretone.spaces.genome.SearchSpace;
import io.paretone.spaces.training.TrainingRecipe;
import io.paretone.spaces.training.Update;
import io.paretone.spaces.wavenet.WaveNetFamily;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Real WaveNets of the mixed space whose training misbehaves the way real candidates and machines
 * do, chosen by their residual width: 4 channels train normally, 8 give a NaN loss, 16 SIGKILL
 * their worker, 24 hang, 32 exhaust the Java heap. Everything else is the real family, decoded and
 * trained for real, so the worker, scheduler and store handle each fault as they would in a study.
 */
public final class FaultyArchitectures {
    /** What goes wrong. */
    public enum Fault {
        NONE,
        NAN,
        SIGKILL,
        HANG,
        OOM
    }

    private static final Map<Integer, Fault> BY_CHANNELS =
            Map.of(4, Fault.NONE, 8, Fault.NAN, 16, Fault.SIGKILL, 24, Fault.HANG, 32, Fault.OOM);

    private FaultyArchitectures() {}

    /** The fault of a WaveNet genome of the mixed space. */
    public static Fault faultOf(Genome genome) {
        return BY_CHANNELS.getOrDefault(
                genome.integer(WaveNetFamily.NAME + "." + WaveNetFamily.RESIDUAL_CHANNELS), Fault.NONE);
    }

    /** Decodes as the study does, then makes training misbehave per {@link #faultOf}. */
    public static Architecture decode(Genome genome) {
        Architecture real = ModelFamilies.decode(genome);
        Fault fault = faultOf(genome);
        return fault == Fault.NONE ? real : new Faulty(real, fault);
    }

    /** A tiny WaveNet genome of the mixed space with this fault. */
    public static String genome(Fault fault, int steps) {
        int channels = BY_CHANNELS.entrySet().stream()
                .filter(e -> e.getValue() == fault)
                .findFirst()
                .orElseThrow()
                .getKey();
        return "family=wavenet training_steps=" + steps + " batch_size=8 learning_rate=0.01 wavenet.layers=2"
                + " wavenet.dilation_cycle=1 wavenet.residual_channels=" + channels + " wavenet.skip_channels=8"
                + " wavenet.kernel_size=2";
    }

    /** The mixed space's WaveNet part, which holds every genome {@link #genome} writes. */
    public static SearchSpace space() {
        return ModelFamilies.space(List.of(WaveNetFamily.NAME));
    }

    private record Faulty(Architecture inner, Fault fault) implements Architecture {
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
        public long generationFlopsPerUnit(Block b, LayerFlops c, int rate) {
            return inner.generationFlopsPerUnit(b, c, rate);
        }

        @Override
        public TrainingRecipe trainingRecipe() {
            TrainingRecipe r = inner.trainingRecipe();
            List<Update> updates = new ArrayList<>();
            for (Update u : r.updates()) {
                updates.add(new Update(u.name(), u.group(), u.passes(), context -> {
                    misbehave(fault);
                    NDArray loss = u.loss().compute(context);
                    return fault == Fault.NAN ? loss.mul(Float.NaN) : loss;
                }));
            }
            return new TrainingRecipe(r.steps(), r.groups(), updates, r.reported());
        }
    }

    private static void misbehave(Fault fault) {
        switch (fault) {
            case SIGKILL -> {
                try {
                    new ProcessBuilder(
                                    "kill",
                                    "-9",
                                    Long.toString(ProcessHandle.current().pid()))
                            .start()
                            .waitFor();
                    Thread.sleep(60_000);
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException("could not SIGKILL myself", e);
                }
            }
            case HANG -> {
                try {
                    Thread.sleep(3_600_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            case OOM -> {
                List<long[]> hog = new ArrayList<>();
                while (true) {
                    hog.add(new long[16 << 20]);
                }
            }
            default -> {}
        }
    }
}
