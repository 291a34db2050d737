package io.paretone.search.testing;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import io.paretone.spaces.Architecture;
import io.paretone.spaces.AudioSampler;
import io.paretone.spaces.ModelFamily;
import io.paretone.spaces.TrainingPlan;
import io.paretone.spaces.TrainingTask;
import io.paretone.spaces.cost.LayerFlops;
import io.paretone.spaces.genome.Gene;
import io.paretone.spaces.genome.Genome;
import io.paretone.spaces.genome.SearchSpace;
import io.paretone.spaces.wavenet.WaveNetFamily;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Tiny real WaveNets with a {@code fault} gene that makes training misbehave the way real
 * candidates and machines do: a NaN loss, the worker killed with SIGKILL, a hang, or the Java heap
 * running out. Everything else is the real family, trained for real, so the worker, scheduler and
 * store handle the fault exactly as they would in a study.
 */
public final class FaultyFamily implements ModelFamily {
    public static final String NAME = "faulty";

    /** What goes wrong, by the {@code fault} gene's value. */
    public enum Fault { NONE, NAN, SIGKILL, HANG, OOM }

    private static final WaveNetFamily WAVENET = new WaveNetFamily();
    private static final SearchSpace SPACE = new SearchSpace(NAME, List.of(
            Gene.ofInts("residual_channels", "residual channels", 4, 8, 16),
            Gene.ofInts("training_steps", "optimiser steps", 10, 20, 40, 80),
            Gene.ofInts("fault", "0 none, 1 NaN loss, 2 SIGKILL, 3 hang, 4 out of heap", 0, 1, 2, 3, 4)));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SearchSpace space() {
        return SPACE;
    }

    @Override
    public Architecture decode(Genome genome) {
        Architecture wavenet = WAVENET.decode(WAVENET.space().parse(String.format(
                "layers=2 dilation_cycle=1 residual_channels=%d skip_channels=8 kernel_size=2 learning_rate=0.01"
                        + " training_steps=%d", genome.integer("residual_channels"), genome.integer("training_steps"))));
        return new Faulty(genome, wavenet, Fault.values()[genome.integer("fault")]);
    }

    /** The genome text of a faulty candidate. */
    public static String genome(int residualChannels, int steps, Fault fault) {
        return "residual_channels=" + residualChannels + " training_steps=" + steps + " fault=" + fault.ordinal();
    }

    private record Faulty(Genome genome, Architecture inner, Fault fault) implements Architecture {
        @Override public String describe() {
            return inner.describe() + (fault == Fault.NONE ? "" : " with fault " + fault);
        }
        @Override public TrainingPlan trainingPlan() { return inner.trainingPlan(); }
        @Override public Block newBlock() { return inner.newBlock(); }
        @Override public Shape[] inputShapes(int batchSize) { return inner.inputShapes(batchSize); }
        @Override public AudioSampler sampler() { return inner.sampler(); }
        @Override public long generationFlopsPerSecond(Block b, LayerFlops c, int rate) {
            return inner.generationFlopsPerSecond(b, c, rate);
        }

        @Override
        public TrainingTask trainingTask() {
            TrainingTask task = inner.trainingTask();
            return new TrainingTask() {
                @Override
                public Batch batch(NDManager m, List<float[]> clips, int size, int length, SplittableRandom random) {
                    misbehave(fault);
                    return task.batch(m, clips, size, length, random);
                }

                @Override
                public NDArray loss(NDList predictions, NDList labels) {
                    NDArray loss = task.loss(predictions, labels);
                    return fault == Fault.NAN ? loss.mul(Float.NaN) : loss;
                }
            };
        }
    }

    private static void misbehave(Fault fault) {
        switch (fault) {
            case SIGKILL -> {
                try {
                    new ProcessBuilder("kill", "-9", Long.toString(ProcessHandle.current().pid())).start().waitFor();
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
            default -> { }
        }
    }
}
